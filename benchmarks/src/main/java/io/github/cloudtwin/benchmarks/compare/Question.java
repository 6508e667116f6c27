package io.github.cloudtwin.benchmarks.compare;

/** The behaviour questions put to both systems, with AWS's documented answer. */
enum Question {
  SPREAD(
      "Are the 6 instances spread over the three zones?",
      "yes",
      "yes: 2 · 2 · 2. A new instance goes to the enabled zone with the fewest instances ([Balance across Availability Zones]"
          + "(https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html))"),
  ALARM(
      "Does breaching data move the alarm to ALARM, and the alarm run the step policy?",
      "yes",
      "yes: alarms are evaluated every minute over the newest periods (§3.2); two breaching 5-minute periods"
          + " give ALARM, and the Auto Scaling action runs the step policy, +2 (§2.3, §3.6)"),
  DEREGISTER(
      "Is a terminated instance deregistered from the target group?",
      "yes",
      "yes: the group deregisters the instance before Terminating and waits for draining"
          + " (deregistration delay 300 s by default) (§4.7, §4.5, §1.6)"),
  ECS(
      "Does the ECS service reach 12 running tasks?",
      "yes",
      "yes: a REPLICA service holds desiredCount running tasks; any stopped task is replaced (§5.5)"),
  ZONE(
      "After a zone outage, is capacity rebuilt in the other zones?",
      "yes",
      "yes: the zone's instances become unhealthy and are replaced; under balanced-best-effort (the default)"
          + " launches go to the remaining zones (§1.2, §1.3, §6)");

  final String text;
  final String awsVerdict;
  final String aws;

  Question(String text, String awsVerdict, String aws) {
    this.text = text;
    this.awsVerdict = awsVerdict;
    this.aws = aws;
  }
}
