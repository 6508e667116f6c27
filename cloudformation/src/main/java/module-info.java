/**
 * CloudFormation (and CDK-synthesised) templates imported into a twin: template loading, intrinsic
 * functions, resource mapping and the import report; {@code @CloudFormationStack} for JUnit (JUnit
 * is an optional dependency).
 */
module io.github.cloudtwin.cloudformation {
  requires transitive io.github.cloudtwin.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires static transitive io.github.cloudtwin.junit;
  requires static transitive org.junit.jupiter.api;
  requires static org.junit.platform.commons;

  exports io.github.cloudtwin.cloudformation;
  exports io.github.cloudtwin.cloudformation.junit;
}
