package io.github.cloudtwin.cloudwatch;

import java.util.function.Consumer;

/** The {@link AlarmAction} behind {@link AlarmAction#of} and {@link AlarmAction#scaling}. */
record NamedAlarmAction(String name, boolean scaling, Consumer<AlarmActionContext> action)
    implements AlarmAction {

  @Override
  public boolean isScalingAction() {
    return scaling;
  }

  @Override
  public void invoke(AlarmActionContext context) {
    action.accept(context);
  }

  @Override
  public String toString() {
    return name;
  }
}
