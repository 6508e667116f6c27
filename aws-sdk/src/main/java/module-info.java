/**
 * The AWS SDK for Java v2 clients of Auto Scaling, CloudWatch, EC2, Elastic Load Balancing v2, ECS
 * and Application Auto Scaling, answered in-process by a twin. Only {@code
 * io.github.cloudtwin.awssdk} is API; the handlers and the operation layer live in {@code
 * io.github.cloudtwin.awssdk.internal.*}, exported to no module (the wire-protocol module calls the
 * SDK clients).
 */
@SuppressWarnings({
  "requires-automatic",
  "requires-transitive-automatic"
}) // the AWS SDK's jars declare Automatic-Module-Name only
module io.github.cloudtwin.awssdk {
  requires transitive io.github.cloudtwin.core;
  requires transitive software.amazon.awssdk.services.autoscaling;
  requires transitive software.amazon.awssdk.services.cloudwatch;
  requires transitive software.amazon.awssdk.services.ec2;
  requires transitive software.amazon.awssdk.services.ecs;
  requires transitive software.amazon.awssdk.services.elasticloadbalancingv2;
  requires transitive software.amazon.awssdk.services.applicationautoscaling;
  requires software.amazon.awssdk.core;
  requires software.amazon.awssdk.http;
  requires software.amazon.awssdk.awscore;
  requires software.amazon.awssdk.utils;
  requires static io.github.cloudtwin.junit;

  exports io.github.cloudtwin.awssdk;

  provides io.github.cloudtwin.junit.spi.InjectableProvider with
      io.github.cloudtwin.awssdk.AwsSdkInjectables;
}
