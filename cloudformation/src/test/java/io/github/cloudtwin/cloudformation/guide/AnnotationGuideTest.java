package io.github.cloudtwin.cloudformation.guide;

// tag::annotation[]
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudformation.junit.CloudFormationStack;
import io.github.cloudtwin.cloudformation.junit.FromStack;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.traffic.Workload;
import org.junit.jupiter.api.Test;

@CloudTwinTest(seed = 7)
@CloudFormationStack(
    template = "templates/web-tier.yaml",
    stackName = "web",
    parameters = "Env=test;MinSize=3",
    ssmParameters =
        "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64=ami-0abc")
class AnnotationGuideTest {

  @FromStack("WebServerGroup")
  AutoScalingGroup group;

  @Test
  void theSurgeAddsOneInstance(CloudTwin twin, @FromStack("CpuHighAlarm") MetricAlarm cpuHigh) {
    twin.traffic().apply("web-alb", Workload.step(300).then(ofMinutes(10), 500).build());
    twin.advance(ofMinutes(30));
    assertThat(group.desiredCapacity()).isEqualTo(4);
    assertThat(cpuHigh.alarmName()).isEqualTo("web-cpu-high");
  }
}
// end::annotation[]
