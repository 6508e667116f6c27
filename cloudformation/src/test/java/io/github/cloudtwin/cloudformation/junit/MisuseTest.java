package io.github.cloudtwin.cloudformation.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Wrong uses of the annotations fail with a message that says what to do. */
class MisuseTest {

  static final String FIXTURES = "cloudtwin.cloudformation.fixtures";

  /** Fixture classes run only through EngineTestKit (they fail on purpose). */
  static final class OnlyInKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(FIXTURES).isPresent()
          ? ConditionEvaluationResult.enabled("run by the kit")
          : ConditionEvaluationResult.disabled("a fixture: runs only through EngineTestKit");
    }
  }

  private static String onlyFailure(Class<?> fixture) {
    List<Event> failed =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(fixture))
            .configurationParameter(FIXTURES, "true")
            .execute()
            .allEvents()
            .failed()
            .list();
    assertThat(failed).hasSize(1);
    return failed
        .get(0)
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .orElseThrow()
        .getMessage();
  }

  @CloudFormationStack(template = "templates/classic-elb.yaml")
  @ExtendWith(OnlyInKit.class)
  static class WithoutCloudTwinTest {
    @Test
    void test(@FromStack("WebServerGroup") AutoScalingGroup group) {}
  }

  @CloudTwinTest
  @CloudFormationStack(template = "templates/classic-elb.yaml")
  @ExtendWith(OnlyInKit.class)
  static class UnknownLogicalId {
    @FromStack("WebGroup")
    AutoScalingGroup group;

    @Test
    void test() {}
  }

  @CloudTwinTest
  @CloudFormationStack(template = "templates/classic-elb.yaml")
  @ExtendWith(OnlyInKit.class)
  static class WrongType {
    @Test
    void test(@FromStack("WebServerGroup") MetricAlarm alarm) {}
  }

  @CloudTwinTest
  @CloudFormationStack(template = "templates/classic-elb.yaml", parameters = "OperatorEmail=nobody")
  @ExtendWith(OnlyInKit.class)
  static class InvalidParameter {
    @Test
    void test() {}
  }

  @Test
  void withoutCloudTwinTestTheMessageSaysToAddIt() {
    assertThat(onlyFailure(WithoutCloudTwinTest.class))
        .contains("put @CloudTwinTest", "before @CloudFormationStack");
  }

  @Test
  void anUnknownLogicalIdIsNamedWithTheStacksLogicalIds() {
    assertThat(onlyFailure(UnknownLogicalId.class))
        .contains("@FromStack(\"WebGroup\")", "has no resource WebGroup", "WebServerGroup");
  }

  @Test
  void aWrongTypeNamesWhatTheResourceIs() {
    assertThat(onlyFailure(WrongType.class)).contains("is a MetricAlarm", "is a AutoScalingGroup");
  }

  @Test
  void anInvalidParameterFailsTheTestWithCloudFormationsMessage() {
    assertThat(onlyFailure(InvalidParameter.class))
        .contains("Parameter 'OperatorEmail' must match pattern");
  }
}
