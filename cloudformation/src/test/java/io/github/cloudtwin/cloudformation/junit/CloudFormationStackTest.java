package io.github.cloudtwin.cloudformation.junit;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudformation.Stack;
import io.github.cloudtwin.cloudformation.StackResource;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.TwinLifecycle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The annotation imports the stack into each test's twin; resources are injected by logical id. */
@CloudTwinTest(seed = 7)
@CloudFormationStack(
    template = "templates/web-tier.yaml",
    stackName = "web",
    parameters = "Env=test;MinSize=2",
    ssmParameters =
        "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64=ami-0abc")
class CloudFormationStackTest {

  @FromStack("WebServerGroup")
  AutoScalingGroup group;

  @Test
  void fieldsAndParametersGetTheTwinsViewsByLogicalId(
      CloudTwin twin,
      @FromStack("CpuHighAlarm") MetricAlarm alarm,
      @FromStack("WebTargetGroup") TargetGroup targets,
      @FromStack("WebTargetGroup") String targetGroupArn,
      @FromStack("Vpc") StackResource vpc,
      Stack stack) {
    assertThat(group.name()).isEqualTo("web-web");
    assertThat(group.desiredCapacity()).isEqualTo(2); // parameters = "MinSize=2"
    assertThat(twin.autoScaling().group("web-web")).isNotNull();
    assertThat(alarm.alarmName()).isEqualTo("web-cpu-high");
    assertThat(targetGroupArn).endsWith(targets.dimensionValue());
    assertThat(vpc.physicalId()).startsWith("vpc-");
    assertThat(stack.autoScalingGroup("WebServerGroup").name()).isEqualTo(group.name());
  }

  @Test
  void eachTestGetsItsOwnImportedStack(CloudTwin twin) {
    assertThat(twin.elapsed()).isZero();
    twin.advance(ofMinutes(5));
    assertThat(group.inServiceCount()).isEqualTo(2);
    assertThat(twin.autoScaling().groups()).hasSize(1);
  }

  @Nested
  @CloudTwinTest(seed = 7, lifecycle = TwinLifecycle.PER_CLASS)
  @CloudFormationStack(template = "templates/nested-parent.yaml", stackName = "workers")
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OneStackPerClassWithNestedTemplatesFromTheSameFolder {

    @FromStack("Network")
    Stack network;

    @Test
    void theNestedStackIsInjectedAsAStack(@FromStack("Workers") AutoScalingGroup workers) {
      assertThat(network.stackName()).startsWith("workers-Network-");
      assertThat(workers.spec().availabilityZones()).containsExactly("us-east-1a", "us-east-1b");
    }
  }
}
