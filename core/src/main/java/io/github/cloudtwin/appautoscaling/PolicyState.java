package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import java.util.ArrayList;
import java.util.List;

/** The machinery behind one policy. Guarded by the kernel lock. */
final class PolicyState {
  final ScalingPolicySpec spec;
  final ScalableTarget target;
  final String arn;
  final List<String> alarmNames = new ArrayList<>();
  final ScalingPolicy view;
  AlarmAction action;
  AlarmAction lowAction;
  String highAlarm;
  String lowAlarm;

  PolicyState(ScalingPolicySpec spec, ScalableTarget target, String arn) {
    this.spec = spec;
    this.target = target;
    this.arn = arn;
    this.view = new ScalingPolicy(this);
  }
}
