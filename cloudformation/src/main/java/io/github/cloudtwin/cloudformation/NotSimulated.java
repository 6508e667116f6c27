package io.github.cloudtwin.cloudformation;

/**
 * A resource type the twin does not simulate (IAM, SNS, security groups, Lambda, custom resources,
 * ...): it is reported, and gets a plausible physical id so Ref and Fn::GetAtt still resolve.
 */
final class NotSimulated implements ResourceHandler {

  @Override
  public boolean simulated() {
    return false;
  }

  @Override
  public Creation read(ResourceContext r) {
    String id = r.logicalId();
    String name = r.name(null, 64);
    String type = r.type();
    Outcome o =
        switch (type) {
          case "AWS::SNS::Topic" ->
              Outcome.of(r.arn("sns", name))
                  .attribute("TopicArn", r.arn("sns", name))
                  .attribute("TopicName", name);
          case "AWS::IAM::Role" ->
              Outcome.of(name)
                  .attribute("Arn", r.globalArn("iam", "role/" + name))
                  .attribute(
                      "RoleId", Names.suffix(name, 21, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"));
          case "AWS::IAM::InstanceProfile" ->
              Outcome.of(name).attribute("Arn", r.globalArn("iam", "instance-profile/" + name));
          case "AWS::EC2::SecurityGroup" -> {
            String sg = Names.hexId("sg-", r.stackName() + "/" + id, 17);
            yield Outcome.of(sg).attribute("GroupId", sg);
          }
          case "AWS::SQS::Queue" ->
              Outcome.of(
                      "https://sqs." + r.region() + ".amazonaws.com/" + r.accountId() + "/" + name)
                  .attribute("Arn", r.arn("sqs", name))
                  .attribute("QueueName", name);
          case "AWS::Lambda::Function" ->
              Outcome.of(name).attribute("Arn", r.arn("lambda", "function:" + name));
          case "AWS::Logs::LogGroup" ->
              Outcome.of(name).attribute("Arn", r.arn("logs", "log-group:" + name + ":*"));
          default -> Outcome.of(name).attribute("Arn", r.arn(service(type), name));
        };
    if (r.planning())
      r.plan().report(ImportReport.Kind.NOT_SIMULATED, id, type, null, reason(type));
    return Creation.fixed(o.notSimulated());
  }

  private static String service(String type) {
    String[] parts = type.split("::");
    return parts.length > 1 ? parts[1].toLowerCase(java.util.Locale.ROOT) : "custom";
  }

  private static String reason(String type) {
    if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
      return "a custom resource: its provider is not run; Fn::GetAtt gives placeholders";
    }
    return "the twin does not simulate " + type + "; Ref and Fn::GetAtt give placeholder ids";
  }
}
