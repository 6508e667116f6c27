package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.TargetGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An imported stack: each logical id's twin resource, the outputs and exports, the import report.
 * The resources are the twin's live views; this object itself is immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Stack {

  private final String stackName;
  private final String stackId;
  private final Template template;
  private final Map<String, Object> parameters;
  private final Map<String, StackResource> resources;
  private final Map<String, String> outputs;
  private final Map<String, String> exports;
  private final Map<String, Stack> nested;
  private final ImportReport report;

  Stack(
      String stackName,
      String stackId,
      Template template,
      Map<String, Object> parameters,
      Map<String, StackResource> resources,
      Map<String, String> outputs,
      Map<String, String> exports,
      Map<String, Stack> nested,
      ImportReport report) {
    this.stackName = stackName;
    this.stackId = stackId;
    this.template = template;
    this.parameters =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    this.resources =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
    this.outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    this.exports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exports));
    this.nested = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nested));
    this.report = report;
  }

  /** {@return the stack name (AWS::StackName)} */
  public String stackName() {
    return stackName;
  }

  /** {@return the stack id (AWS::StackId), an ARN} */
  public String stackId() {
    return stackId;
  }

  /** {@return the template imported} */
  public Template template() {
    return template;
  }

  /** {@return the resolved parameter values (String, or List of String for list types)} */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /** {@return every resource created (conditions that were false excluded), in creation order} */
  public List<StackResource> resources() {
    return new ArrayList<>(resources.values());
  }

  /** {@return the logical ids, in creation order} */
  public List<String> logicalIds() {
    return new ArrayList<>(resources.keySet());
  }

  /**
   * The resource with this logical id.
   *
   * @param logicalId the logical id
   * @return the resource with this logical id
   */
  public StackResource resource(String logicalId) {
    StackResource r = resources.get(logicalId);
    if (r == null) {
      throw new TemplateValidationException(
          logicalId,
          null,
          logicalId,
          "a logical id of stack "
              + stackName
              + " "
              + resources.keySet()
              + (template.logicalIds().contains(logicalId)
                  ? " (its Condition was false: it was not created)"
                  : ""));
    }
    return r;
  }

  /**
   * The twin's view of a resource, as {@code type}: {@code stack.resource("WebServerGroup",
   * AutoScalingGroup.class)}.
   *
   * @param <T> the view type, such as {@code AutoScalingGroup}
   * @param logicalId the logical id
   * @param type the type
   * @return the twin's view of a resource, as {@code type}: {@code stack.resource("WebServerGroup",
   *     AutoScalingGroup.class)}
   */
  public <T> T resource(String logicalId, Class<T> type) {
    StackResource r = resource(logicalId);
    if (!type.isInstance(r.twinResource())) {
      throw new TemplateValidationException(
          logicalId,
          null,
          r.resourceType(),
          "a resource whose twin view is a "
              + type.getSimpleName()
              + " (this one's is "
              + (r.twinResource() == null
                  ? "none: "
                      + (r.simulated() ? "the twin has no object for it" : "it is not simulated")
                  : r.twinResource().getClass().getSimpleName())
              + ")");
    }
    return type.cast(r.twinResource());
  }

  /**
   * What {@code Ref} returned for the resource.
   *
   * @param logicalId the logical id
   * @return what {@code Ref} returned for the resource
   */
  public String physicalId(String logicalId) {
    return resource(logicalId).physicalId();
  }

  /**
   * An Auto Scaling group by logical id.
   *
   * @param logicalId the logical id
   * @return an Auto Scaling group by logical id
   */
  public AutoScalingGroup autoScalingGroup(String logicalId) {
    return resource(logicalId, AutoScalingGroup.class);
  }

  /**
   * A scaling policy (EC2 Auto Scaling) by logical id.
   *
   * @param logicalId the logical id
   * @return a scaling policy (EC2 Auto Scaling) by logical id
   */
  public ScalingPolicy scalingPolicy(String logicalId) {
    return resource(logicalId, ScalingPolicy.class);
  }

  /**
   * A CloudWatch alarm by logical id.
   *
   * @param logicalId the logical id
   * @return a CloudWatch alarm by logical id
   */
  public MetricAlarm alarm(String logicalId) {
    return resource(logicalId, MetricAlarm.class);
  }

  /**
   * A load balancer (Application, Network or Classic) by logical id.
   *
   * @param logicalId the logical id
   * @return a load balancer (Application, Network or Classic) by logical id
   */
  public LoadBalancer loadBalancer(String logicalId) {
    return resource(logicalId, LoadBalancer.class);
  }

  /**
   * A target group by logical id.
   *
   * @param logicalId the logical id
   * @return a target group by logical id
   */
  public TargetGroup targetGroup(String logicalId) {
    return resource(logicalId, TargetGroup.class);
  }

  /** {@return the outputs, by output logical id (conditions that were false excluded)} */
  public Map<String, String> outputs() {
    return outputs;
  }

  /**
   * One output's value.
   *
   * @param name the name
   * @return one output's value
   */
  public String output(String name) {
    String v = outputs.get(name);
    if (v == null) {
      throw new TemplateValidationException(
          name, null, name, "an output of stack " + stackName + " " + outputs.keySet());
    }
    return v;
  }

  /** {@return the exports (Outputs' Export.Name), by export name} */
  public Map<String, String> exports() {
    return exports;
  }

  /**
   * A nested stack by the logical id of its AWS::CloudFormation::Stack resource.
   *
   * @param logicalId the logical id
   * @return a nested stack by the logical id of its AWS::CloudFormation::Stack resource
   */
  public Stack nestedStack(String logicalId) {
    Stack s = nested.get(logicalId);
    if (s == null) {
      throw new TemplateValidationException(
          logicalId, null, logicalId, "a nested stack of " + stackName + " " + nested.keySet());
    }
    return s;
  }

  /** {@return the nested stacks, by logical id} */
  public Map<String, Stack> nestedStacks() {
    return nested;
  }

  /** {@return what was not simulated, for this stack and its nested stacks} */
  public ImportReport report() {
    return report;
  }

  @Override
  public String toString() {
    return "Stack["
        + stackName
        + ", "
        + resources.size()
        + " resources, "
        + report.notSimulated().size()
        + " not simulated]";
  }
}
