package io.github.cloudtwin.awswire.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awswire.AwsWire;
import io.github.cloudtwin.awswire.TwinSdkHttpService;
import io.github.cloudtwin.awswire.internal.TwinHttpClient;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.TwinLifecycle;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * {@link BindSdkClients}: clients the code under test builds itself reach the running test's twin,
 * through the same in-process clients the test is injected with; a class without a twin, or an SDK
 * that chose another HTTP client, fails with the reason.
 */
class BindSdkClientsTest {

  /** Code under test: builds its own client the ordinary way, as AWS's SDK examples do. */
  static int createGroupAndCount(String name) {
    try (AutoScalingClient autoScaling = AutoScalingClient.create()) {
      autoScaling.createAutoScalingGroup(
          r ->
              r.autoScalingGroupName(name)
                  .launchTemplate(l -> l.launchTemplateName("web"))
                  .minSize(1)
                  .maxSize(4)
                  .desiredCapacity(2)
                  .availabilityZones("us-east-1a", "us-east-1b"));
      return autoScaling.describeAutoScalingGroups().autoScalingGroups().size();
    }
  }

  static void createLaunchTemplate(Ec2Client ec2) {
    ec2.createLaunchTemplate(
        r ->
            r.launchTemplateName("web")
                .launchTemplateData(d -> d.instanceType(InstanceType.C5_LARGE)));
  }

  @Nested
  @CloudTwinTest(availabilityZones = 2, seed = 3)
  @BindSdkClients
  class PerMethodTwins {

    @Test
    void clientsTheCodeBuildsReachThisTestsTwinAndSeeWhatInjectedClientsCreated(
        Ec2Client ec2, CloudTwin twin) {
      createLaunchTemplate(
          ec2); // through the injected client: the wire answers from the same AwsSdkClients
      assertThat(createGroupAndCount("orders")).isEqualTo(1);
      assertThat(twin.autoScaling().group("orders").desiredCapacity()).isEqualTo(2);
    }

    @Test
    void eachTestsCodeReachesOnlyItsOwnTwin(Ec2Client ec2, CloudTwin twin) {
      createLaunchTemplate(ec2);
      assertThat(createGroupAndCount("billing"))
          .as("groups the code sees: only this test's")
          .isEqualTo(1);
      assertThat(twin.autoScaling().groups()).extracting(g -> g.name()).containsExactly("billing");
    }

    @Test
    void anAwsWireParameterIsTheBoundWireOfThisTestsTwin(AwsWire wire, CloudTwin twin) {
      assertThat(wire.twin()).isSameAs(twin);
    }
  }

  @Nested
  @CloudTwinTest(lifecycle = TwinLifecycle.PER_CLASS, availabilityZones = 2)
  @BindSdkClients
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OneTwinForTheClass {

    @Test
    @Order(1)
    void theFirstTestCreatesAGroupThroughTheCodesClient(Ec2Client ec2) {
      createLaunchTemplate(ec2);
      assertThat(createGroupAndCount("first")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theSecondTestsCodeSeesItInTheSameTwin(CloudTwin twin, AwsWire wire) {
      assertThat(createGroupAndCount("second")).isEqualTo(2);
      assertThat(wire.twin()).isSameAs(twin);
    }
  }

  private static final String FIXTURES = "cloudtwin.fixtures";

  /** Runs a fixture class only when the test kit runs it. */
  static final class OnlyInKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(FIXTURES).isPresent()
          ? ConditionEvaluationResult.enabled("run by the kit")
          : ConditionEvaluationResult.disabled("a fixture: runs only through EngineTestKit");
    }
  }

  /** A fixture: @BindSdkClients without a twin. */
  @BindSdkClients
  @ExtendWith(OnlyInKit.class)
  static class WithoutATwin {
    @Test
    void anything() {
      createGroupAndCount("never");
    }
  }

  @Test
  void aClassWithoutCloudTwinTestFailsSayingWhatToAdd() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(WithoutATwin.class))
        .configurationParameter(FIXTURES, "true")
        .execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("anything"),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("put @CloudTwinTest before @BindSdkClients")))));
  }

  @Test
  void theBindingEndsWithTheTest() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(PerMethodTwins.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.succeeded(3).failed(0));
    // no binding of those tests is left: a client built now is answered by no twin
    assertThatThrownBy(() -> createGroupAndCount("late"))
        .hasMessageContaining("No CloudTwin answers AWS SDK requests");
  }

  @Test
  void theSdksDefaultHttpClientInThisJvmIsTheTwins() {
    assertThat(SdkDefaults.sdkDefaultHttpClientName()).isEqualTo(TwinHttpClient.class.getName());
  }

  @Test
  void anSdkThatChoseAnotherHttpClientFailsTheClassWithTheFix() {
    assertThatThrownBy(
            () -> SdkDefaults.checkChosen("software.amazon.awssdk.http.apache.ApacheHttpClient"))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "is software.amazon.awssdk.http.apache.ApacheHttpClient, not the twin's")
        .hasMessageContaining("chooses once per JVM")
        .hasMessageContaining(SdkDefaults.SYNC_SERVICE)
        .hasMessageContaining(TwinSdkHttpService.CLASS_NAME);
    SdkDefaults.checkChosen(TwinHttpClient.class.getName());
    SdkDefaults.checkChosen(null);
  }

  @Test
  void theHttpServiceIsSelectedWhereUnsetAndAnotherChoiceIsRefused() {
    Properties unset = new Properties();
    SdkDefaults.of(unset, Map.of()).selectHttpService();
    assertThat(unset)
        .containsEntry(SdkDefaults.SYNC_SERVICE, TwinSdkHttpService.CLASS_NAME)
        .containsEntry(SdkDefaults.ASYNC_SERVICE, TwinSdkHttpService.CLASS_NAME);

    Properties other = new Properties();
    other.setProperty(
        SdkDefaults.SYNC_SERVICE, "software.amazon.awssdk.http.apache.ApacheSdkHttpService");
    assertThatThrownBy(() -> SdkDefaults.of(other, Map.of()).selectHttpService())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            SdkDefaults.SYNC_SERVICE
                + " is software.amazon.awssdk.http.apache.ApacheSdkHttpService");
  }

  @Test
  void regionAndCredentialsAreGivenOnlyWhereNeitherPropertiesNorEnvironmentHaveThem() {
    Properties empty = new Properties();
    SdkDefaults.of(empty, Map.of()).defaultRegionAndCredentials("eu-west-1");
    assertThat(empty)
        .containsEntry("aws.region", "eu-west-1")
        .containsEntry("aws.accessKeyId", "cloudtwin")
        .containsEntry("aws.secretAccessKey", "cloudtwin");

    Properties fromEnvironment = new Properties();
    SdkDefaults.of(
            fromEnvironment,
            Map.of(
                "AWS_REGION",
                "ap-south-1",
                "AWS_ACCESS_KEY_ID",
                "AKIA",
                "AWS_SECRET_ACCESS_KEY",
                "s"))
        .defaultRegionAndCredentials("eu-west-1");
    assertThat(fromEnvironment).isEmpty();

    Properties set = new Properties();
    set.setProperty("aws.region", "us-west-2");
    SdkDefaults.of(set, Map.of()).defaultRegionAndCredentials("eu-west-1");
    assertThat(set.getProperty("aws.region")).isEqualTo("us-west-2");
    assertThat(List.copyOf(set.stringPropertyNames()))
        .containsExactlyInAnyOrder("aws.region", "aws.accessKeyId", "aws.secretAccessKey");
  }
}
