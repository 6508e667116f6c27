/**
 * CloudFormation (and CDK-synthesised) templates imported into a twin: template loading, intrinsic
 * functions, resource mapping and the import report.
 */
@NullMarked
package io.github.cloudtwin.cloudformation;

import org.jspecify.annotations.NullMarked;
