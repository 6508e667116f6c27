package io.github.cloudtwin.advice;

import org.apiguardian.api.API;

/**
 * The configuration rules {@code twin.advice()} checks, each with its stable id, severity and the
 * AWS documentation page that explains it. docs/advice.md shows each rule with its example.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum AdviceRule {

  /**
   * A simple policy's cooldown or a step / target tracking warm-up ends before new instances serve.
   */
  WARMUP_SHORTER_THAN_READINESS(
      "warmup-shorter-than-readiness",
      Severity.WARNING,
      "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-default-instance-warmup.html"),

  /**
   * Scale-out and scale-in thresholds closer than one adjustment moves the metric: the group flaps.
   */
  FLAPPING_THRESHOLDS(
      "flapping-thresholds",
      Severity.WARNING,
      "https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html"),

  /**
   * A group (or the group of a capacity provider) that cannot put the largest zone's capacity
   * elsewhere.
   */
  CANNOT_SURVIVE_ZONE_LOSS(
      "cannot-survive-zone-loss",
      Severity.CRITICAL,
      "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html"),

  /**
   * The health check grace period of an Auto Scaling group or an ECS service ends while the
   * application is still starting.
   */
  GRACE_SHORTER_THAN_APPLICATION_START(
      "grace-shorter-than-application-start",
      Severity.CRITICAL,
      "https://docs.aws.amazon.com/autoscaling/ec2/userguide/health-check-grace-period.html"),

  /** ELB health checks on a group attached to no target group or load balancer. */
  ELB_HEALTH_CHECK_WITHOUT_TARGET_GROUP(
      "elb-health-check-without-target-group",
      Severity.CRITICAL,
      "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html"),

  /**
   * A target tracking policy and a simple or step policy scale the same group on the same metric.
   */
  TARGET_TRACKING_MIXED_WITH_SIMPLE(
      "target-tracking-mixed-with-simple",
      Severity.WARNING,
      "https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html"),

  /**
   * An alarm's period is finer than the metric is published (60 s on 5-minute basic monitoring).
   */
  PERIOD_FINER_THAN_RESOLUTION(
      "period-finer-than-resolution",
      Severity.CRITICAL,
      "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html"),

  /** A scale-in alarm's treatMissingData keeps it silent when its metric stops (no requests). */
  SCALE_IN_SILENT_WITHOUT_DATA(
      "scale-in-silent-without-data",
      Severity.WARNING,
      "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data"),

  /** An ECS service's minimumHealthyPercent / maximumPercent leave a deployment no way forward. */
  DEPLOYMENT_NO_WAY_FORWARD(
      "deployment-no-way-forward",
      Severity.CRITICAL,
      "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html"),

  /** A target group's health check (path, port, matcher) fails on what its targets answer. */
  HEALTH_CHECK_UNSATISFIABLE(
      "health-check-unsatisfiable",
      Severity.CRITICAL,
      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html");

  private final String id;
  private final Severity severity;
  private final String documentation;

  AdviceRule(String id, Severity severity, String documentation) {
    this.id = id;
    this.severity = severity;
    this.documentation = documentation;
  }

  /** {@return the stable id, such as {@code flapping-thresholds}} */
  public String id() {
    return id;
  }

  /** {@return how bad the predicted failure is} */
  public Severity severity() {
    return severity;
  }

  /** {@return the URL of the AWS documentation page that explains the rule} */
  public String documentation() {
    return documentation;
  }

  /**
   * The rule with that id.
   *
   * @param id a rule id, such as {@code flapping-thresholds}
   * @return the rule
   * @throws io.github.cloudtwin.kernel.ValidationException when no rule has that id
   */
  public static AdviceRule ofId(String id) {
    for (AdviceRule r : values()) if (r.id.equals(id)) return r;
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (AdviceRule r : values()) ids.add(r.id);
    throw new io.github.cloudtwin.kernel.ValidationException("rule", id, "one of " + ids);
  }
}
