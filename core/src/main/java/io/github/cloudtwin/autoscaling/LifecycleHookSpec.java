package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A lifecycle hook, as {@code PutLifecycleHook} takes it.
 *
 * @param lifecycleHookName the name, unique within the group: 1 to 255 of {@code A-Z a-z 0-9 - _ /}
 * @param autoScalingGroupName the group
 * @param lifecycleTransition launching or terminating
 * @param heartbeatTimeout 30 s to 7200 s, default 3600 s
 * @param defaultResult applied on timeout: ABANDON (default) or CONTINUE
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record LifecycleHookSpec(
    String lifecycleHookName,
    String autoScalingGroupName,
    LifecycleTransition lifecycleTransition,
    Duration heartbeatTimeout,
    LifecycleActionResult defaultResult) {

  /** PutLifecycleHook's pattern for LifecycleHookName. */
  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9\\-_/]+");

  /** The default heartbeat timeout: 3600 s. */
  public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(3600);

  /**
   * Validates the way PutLifecycleHook does.
   *
   * @param lifecycleHookName the name, unique within the group: 1 to 255 of {@code A-Z a-z 0-9 - _
   *     /}
   * @param autoScalingGroupName the group
   * @param lifecycleTransition launching or terminating
   * @param heartbeatTimeout 30 s to 7200 s, default 3600 s
   * @param defaultResult applied on timeout: ABANDON (default) or CONTINUE
   */
  public LifecycleHookSpec {
    Require.name("LifecycleHookName", lifecycleHookName);
    if (!NAME.matcher(lifecycleHookName).matches()) {
      throw new ValidationException(
          "LifecycleHookName",
          lifecycleHookName,
          "letters, digits, '-', '_' and '/' only (pattern [A-Za-z0-9\\-_\\/]+)");
    }
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    Require.notNull("LifecycleTransition", lifecycleTransition);
    Require.seconds("HeartbeatTimeout", heartbeatTimeout, 30, 7200);
    Require.notNull("DefaultResult", defaultResult);
  }

  /**
   * A hook with the default timeout (3600 s) and default result (ABANDON).
   *
   * @param hookName the hook name
   * @param groupName the group name
   * @param transition the transition
   * @return a hook with the default timeout (3600 s) and default result (ABANDON)
   */
  public static LifecycleHookSpec of(
      String hookName, String groupName, LifecycleTransition transition) {
    return new LifecycleHookSpec(
        hookName, groupName, transition, DEFAULT_HEARTBEAT_TIMEOUT, LifecycleActionResult.ABANDON);
  }

  /**
   * This hook with another heartbeat timeout.
   *
   * @param timeout the timeout
   * @return this hook with another heartbeat timeout
   */
  public LifecycleHookSpec withHeartbeatTimeout(Duration timeout) {
    return new LifecycleHookSpec(
        lifecycleHookName, autoScalingGroupName, lifecycleTransition, timeout, defaultResult);
  }

  /**
   * This hook with another default result.
   *
   * @param result the result
   * @return this hook with another default result
   */
  public LifecycleHookSpec withDefaultResult(LifecycleActionResult result) {
    return new LifecycleHookSpec(
        lifecycleHookName, autoScalingGroupName, lifecycleTransition, heartbeatTimeout, result);
  }
}
