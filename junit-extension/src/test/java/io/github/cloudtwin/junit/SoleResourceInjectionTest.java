package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A resource type without a name resolves to the only one; none or several fail saying what to do.
 */
class SoleResourceInjectionTest {

  @Test
  void twoGroupsAreAmbiguousAndTheMessageListsThem() {
    EngineExecutionResults r = Kit.run(TwoGroups.class);
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .isEqualTo(
            "CloudTwin cannot inject parameter 0 (AutoScalingGroup) of TwoGroups.test(..): the twin has 2"
                + " Auto Scaling groups [web, api]; say which with @FromTwin(\"its-name\") AutoScalingGroup.");
  }

  @Test
  void noGroupSaysHowToCreateOne() {
    EngineExecutionResults r = Kit.run(NoGroup.class);
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .isEqualTo(
            "CloudTwin cannot inject parameter 0 (AutoScalingGroup) of NoGroup.test(..): the twin has no"
                + " Auto Scaling group to inject as AutoScalingGroup. Create one before the test runs"
                + " (@EcsCluster or a @CloudTwinSetup method taking CloudTwin).");
  }

  @Test
  void aServiceNameInTwoClustersNeedsItsCluster() {
    EngineExecutionResults r = Kit.run(TwoClusters.class);
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .isEqualTo(
            "CloudTwin cannot inject parameter 0 (EcsService) of TwoClusters.test(..): several clusters have"
                + " an ECS service named \"web\" ([green/web, blue/web]); write @FromTwin(\"cluster/web\").");
  }

  @Test
  void anInvalidEcsClusterSettingFailsNamingIt() {
    EngineExecutionResults r = Kit.run(BadCluster.class);
    assertThat(Kit.onlyFailure(r.testEvents()))
        .isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
        .hasMessageStartingWith("@EcsCluster has an invalid setting: ")
        .hasMessageContaining("MinSize");
  }

  @Fixture
  @EcsCluster(minSize = 5, maxSize = 2)
  static class BadCluster {
    @Test
    void test() {}
  }

  static AutoScalingGroupSpec group(String name) {
    return AutoScalingGroupSpec.builder()
        .autoScalingGroupName(name)
        .launchTemplate("lt", "1")
        .minSize(0)
        .maxSize(2)
        .desiredCapacity(0)
        .availabilityZones("us-east-1a")
        .build();
  }

  @Fixture
  @CloudTwinTest
  static class TwoGroups {
    @CloudTwinSetup
    static void groups(CloudTwin twin) {
      twin.autoScaling().createAutoScalingGroup(group("web"));
      twin.autoScaling().createAutoScalingGroup(group("api"));
    }

    @Test
    void test(AutoScalingGroup group) {}
  }

  @Fixture
  @CloudTwinTest
  static class NoGroup {
    @Test
    void test(AutoScalingGroup group) {}
  }

  @Fixture
  @CloudTwinTest
  static class TwoClusters {
    @CloudTwinSetup
    static void clusters(CloudTwin twin) {
      twin.ecs()
          .registerTaskDefinition(
              TaskDefinitionSpec.builder("web")
                  .container(
                      ContainerDefinition.builder("app", "nginx").cpu(256).memory(512).build())
                  .build());
      for (String c : new String[] {"green", "blue"}) {
        twin.ecs().createCluster(c);
        twin.ecs().createService(ServiceSpec.builder(c, "web", "web").desiredCount(1).build());
      }
    }

    @Test
    void test(@FromTwin("web") EcsService web) {}
  }
}
