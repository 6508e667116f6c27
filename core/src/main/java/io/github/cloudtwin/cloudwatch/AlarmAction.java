package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Something an alarm does when it changes state: notify, or execute a scaling policy.
 *
 * <p>Actions run on the simulation thread, once per state transition. Scaling actions ({@link
 * #isScalingAction()}) are also invoked again every minute while the alarm stays in the state, as
 * AWS does for Auto Scaling and Application Auto Scaling actions. A Mockito mock works as an
 * action.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface AlarmAction {

  /** {@return a name for timelines and messages, such as the policy name or an ARN} */
  String name();

  /**
   * {@return whether AWS re-invokes this action every minute while the alarm stays in the state}
   */
  default boolean isScalingAction() {
    return false;
  }

  /**
   * Runs the action.
   *
   * @param context the context
   */
  void invoke(AlarmActionContext context);

  /**
   * A plain action (for instance a notification): runs on transitions only.
   *
   * @param name the name
   * @param action the action
   * @return a plain action (for instance a notification): runs on transitions only
   */
  static AlarmAction of(String name, Consumer<AlarmActionContext> action) {
    return new NamedAlarmAction(
        Require.name("name", name), false, Require.notNull("action", action));
  }

  /**
   * A scaling action: runs on transitions and again every minute while the state holds.
   *
   * @param name the name
   * @param action the action
   * @return a scaling action: runs on transitions and again every minute while the state holds
   */
  static AlarmAction scaling(String name, Consumer<AlarmActionContext> action) {
    return new NamedAlarmAction(
        Require.name("name", name), true, Require.notNull("action", action));
  }
}
