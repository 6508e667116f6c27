package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A live view of a scaling policy: its spec, ARN, the alarms it owns (target tracking) and the
 * action to attach to your own alarm (step scaling).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ScalingPolicy {

  private final PolicyState state;

  ScalingPolicy(PolicyState state) {
    this.state = state;
  }

  /** {@return the name} */
  public String policyName() {
    return state.spec.policyName();
  }

  /** {@return the spec} */
  public ScalingPolicySpec spec() {
    return state.spec;
  }

  /** {@return the ARN} */
  public String policyArn() {
    return state.arn;
  }

  /**
   * {@return the alarms the policy owns (target tracking: AlarmHigh, then AlarmLow unless scale-in
   * is disabled)}
   */
  public List<String> alarmNames() {
    return List.copyOf(state.alarmNames);
  }

  /**
   * {@return the scaling action to attach to an alarm (step scaling), re-invoked every minute in
   * ALARM}
   */
  public AlarmAction alarmAction() {
    return state.action;
  }

  @Override
  public String toString() {
    return policyName();
  }
}
