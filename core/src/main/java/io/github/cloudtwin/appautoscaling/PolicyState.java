package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** The machinery behind one policy. Guarded by the kernel lock. */
final class PolicyState {
  final ScalingPolicySpec spec;
  final ScalableTarget target;
  final String arn;
  final List<String> alarmNames = new ArrayList<>();
  final ScalingPolicy view;
  final AlarmAction action;
  final AlarmAction lowAction;
  @Nullable String highAlarm;
  @Nullable String lowAlarm;

  /**
   * The state of a policy being put; {@code actions} makes its scaling actions (for the high, then
   * the low alarm) that act on this state.
   */
  PolicyState(
      ScalingPolicySpec spec,
      ScalableTarget target,
      String arn,
      BiFunction<PolicyState, Boolean, AlarmAction> actions) {
    this.spec = spec;
    this.target = target;
    this.arn = arn;
    this.view = new ScalingPolicy(this);
    this.action = actions.apply(this, false);
    this.lowAction = actions.apply(this, true);
  }
}
