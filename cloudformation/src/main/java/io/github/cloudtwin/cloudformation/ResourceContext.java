package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a {@link ResourceHandler} may see while reading one resource. */
final class ResourceContext {

  /** A resource found by its Ref value. */
  record Found(String logicalId, String type, Outcome outcome) {}

  private final StackPlan plan;
  private final StackPlan.Node node;
  private final Props props;

  ResourceContext(StackPlan plan, StackPlan.Node node, Props props) {
    this.plan = plan;
    this.node = node;
    this.props = props;
  }

  String logicalId() {
    return node.id;
  }

  String type() {
    return node.type;
  }

  Props props() {
    return props;
  }

  CloudTwin twin() {
    return plan.twin();
  }

  String region() {
    return plan.twin().region();
  }

  String stackName() {
    return plan.stackName();
  }

  boolean planning() {
    return plan.planning();
  }

  StackPlan plan() {
    return plan;
  }

  /** The given name, or the one CloudFormation would generate (at most {@code maxLength}). */
  String name(@Nullable String given, int maxLength) {
    return given != null ? given : Names.generate(plan.stackName(), node.id, maxLength);
  }

  /**
   * The resource of this stack (already read in this phase) whose Ref value is {@code ref}, or
   * null.
   */
  @Nullable Found byRef(String ref) {
    return plan.byRef(ref);
  }

  /**
   * The zone of a subnet of this stack or one the test supplied; else a
   * TemplateValidationException.
   */
  String subnetZone(String subnetId, String path) {
    Found f = byRef(subnetId);
    if (f != null && f.type().equals("AWS::EC2::Subnet"))
      return Objects.requireNonNull(
          (String) f.outcome().attributes().get("AvailabilityZone"),
          "a subnet's outcome names its zone");
    String zone = plan.session().subnetZone(subnetId);
    if (zone != null) return zone;
    throw new TemplateValidationException(
        node.id,
        path,
        subnetId,
        "a subnet of the template (Ref to an AWS::EC2::Subnet) or one supplied with StackImport.Builder.subnet(id, zone)",
        "The subnet ID '" + subnetId + "' does not exist");
  }

  /** A zone name of the twin, else a TemplateValidationException naming the property. */
  String zone(String zone, String path) {
    if (!plan.twin().config().zoneNames().contains(zone)) {
      throw new TemplateValidationException(
          node.id, path, zone, "a zone of the twin " + plan.twin().config().zoneNames());
    }
    return zone;
  }

  /**
   * The evaluated properties of another resource, leaving out {@code skip} (they refer back here).
   */
  Props evaluate(String logicalId, Set<String> skip) {
    return plan.evaluateProperties(logicalId, skip);
  }

  /** The logical ids of the ListenerRules folded into this listener. */
  java.util.List<String> foldedRules() {
    return node.folded;
  }

  /** Adds a note to the report (during planning only, so it appears once). */
  void note(String path, String reason) {
    if (planning()) plan.report(ImportReport.Kind.NOTE, node.id, node.type, path, reason);
  }

  /** Reports a property as not modelled (during planning only). */
  void unmodelled(String path, String reason) {
    if (planning())
      plan.report(ImportReport.Kind.UNMODELLED_PROPERTY, node.id, node.type, path, reason);
  }

  TemplateValidationException invalid(String path, @Nullable Object value, String allowed) {
    return new TemplateValidationException(node.id, path, value, allowed);
  }

  /** The account id of the twin the stack is imported into. */
  String accountId() {
    return plan.twin().accountId();
  }

  /** A global (IAM) ARN in the twin's account. */
  String globalArn(String service, String resource) {
    return plan.twin().arns().global(service, resource);
  }

  String arn(String service, String resource) {
    return plan.twin().arns().of(service, resource);
  }
}
