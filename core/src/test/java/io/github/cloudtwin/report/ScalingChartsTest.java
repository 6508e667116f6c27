package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.ManagedScaling;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.ServiceUpdate;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The standard capacity charts, replayed from the timeline. The twin: group "asg" of 3 m5.large
 * over three zones, cluster "prod" on it, service "web" of 6 bridge tasks behind "alb" / "tg"; at
 * +00:02:00 the group goes to 4 and the service to 8; the report is made at +00:04:00.
 */
class ScalingChartsTest {

  private final CloudTwin twin = CloudTwin.builder().seed(5).build();

  ScalingChartsTest() {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("asg")
                .launchTemplate("ecs", "1")
                .instanceType("m5.large")
                .minSize(0)
                .maxSize(6)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.ecs().createCluster("prod");
    twin.ecs()
        .createCapacityProvider(
            new CapacityProviderSpec("cp", "asg", ManagedScaling.DISABLED, false));
    twin.ecs()
        .putClusterCapacityProviders(
            "prod", List.of("cp"), List.of(CapacityProviderStrategyItem.of("cp", 1)));
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("alb")
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
    twin.loadBalancing().createListener(ListenerSpec.builder("alb", 80).forwardTo("tg").build());
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("web")
                .container(
                    ContainerDefinition.builder("app", "nginx")
                        .cpu(256)
                        .memory(512)
                        .portMapping(80)
                        .build())
                .build());
    twin.ecs()
        .createService(
            ServiceSpec.builder("prod", "web", "web")
                .desiredCount(6)
                .loadBalancer("tg", "app", 80)
                .build());
    twin.advance(Duration.ofMinutes(2));
    twin.autoScaling().setDesiredCapacity("asg", 4, false);
    twin.ecs().updateService(ServiceUpdate.builder("prod", "web").desiredCount(8).build());
    twin.advance(Duration.ofMinutes(2));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  private static Chart chart(Report r, String titlePrefix) {
    return r.charts().stream()
        .filter(c -> c.title().startsWith(titlePrefix))
        .findFirst()
        .orElseThrow();
  }

  private static double last(Series s) {
    return s.points().get(s.points().size() - 1).value();
  }

  @Test
  void desiredVsInServicePerGroupAndZone() throws Exception {
    Report r = Report.builder(twin).build();
    Chart c = chart(r, "Auto Scaling group asg");
    assertThat(c.series())
        .extracting(Series::name)
        .containsExactly(
            "DesiredCapacity",
            "InService",
            "InService us-east-1a",
            "InService us-east-1b",
            "InService us-east-1c");
    assertThat(c.series().get(0).points())
        .containsExactly(
            new Point(Duration.ZERO, 3),
            new Point(Duration.ofMinutes(2), 3),
            new Point(Duration.ofMinutes(2), 4),
            new Point(Duration.ofMinutes(4), 4));
    assertThat(c.series().get(1).points())
        .extracting(Point::value)
        .containsExactly(1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0);
    assertThat(c.series().get(1).points().get(1).offset()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.series())
        .extracting(ScalingChartsTest::last)
        .containsExactly(4.0, 4.0, 2.0, 1.0, 1.0);
    assertThat(twin.autoScaling().group("asg").inServiceCountByZone()).containsValues(2, 1, 1);
    parse(r.toXhtml());
  }

  @Test
  void healthyTargetsPerZonePerTargetGroup() throws Exception {
    Report r = Report.builder(twin).build();
    Chart c = chart(r, "target group tg");
    assertThat(c.series())
        .extracting(Series::name)
        .containsExactly(
            "healthy", "healthy us-east-1a", "healthy us-east-1b", "healthy us-east-1c");
    assertThat(c.series())
        .extracting(Series::zone)
        .containsExactly("", "us-east-1a", "us-east-1b", "us-east-1c");
    assertThat(c.series().subList(1, 4))
        .extracting(ScalingChartsTest::last)
        .containsExactly(1.0, 1.0, 1.0)
        .containsExactlyElementsOf(
            twin.loadBalancing().targetGroup("tg").healthyTargetCountByZone().values().stream()
                .map(Integer::doubleValue)
                .toList()); // the replay ends where the live view is
    assertThat(last(c.series().get(0))).isEqualTo(3.0); // the total
    assertThat(c.series().get(2).points())
        .containsExactly(
            new Point(Duration.ZERO, 0),
            new Point(Duration.ofMinutes(1), 0),
            new Point(Duration.ofMinutes(1), 1),
            new Point(Duration.ofMinutes(4), 1));
    parse(r.toXhtml());
  }

  @Test
  void runningVsDesiredTasksPerService() throws Exception {
    Report r = Report.builder(twin).build();
    Chart c = chart(r, "ECS service web");
    assertThat(c.series()).extracting(Series::name).containsExactly("desiredCount", "runningCount");
    assertThat(c.series().get(0).points())
        .extracting(Point::value)
        .containsExactly(6.0, 6.0, 8.0, 8.0);
    assertThat(c.series()).extracting(ScalingChartsTest::last).containsExactly(8.0, 8.0);
    assertThat(c.series().get(1).points().get(0)).isEqualTo(new Point(Duration.ofSeconds(40), 1));
    Document doc = parse(r.toXhtml());
    assertThat(ReportTest.seriesPaths(doc)).isEqualTo(5 + 4 + 2);
  }

  static Document parse(String xhtml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
  }
}
