package io.github.cloudtwin.internal.scaling;

import org.apiguardian.api.API;

/**
 * Names of the alarms a scaling service creates for a target tracking policy, {@code
 * TargetTracking-<resource>-AlarmHigh-<uuid>}, always within CloudWatch's 255 characters: a long
 * resource name (an Auto Scaling group name may have 255 characters, an ECS resource id more) is
 * shortened, so a valid policy never fails on a name its caller never set. Stateless.
 *
 * <p>Internal, not API: part of the scaling engine the project's services share; it may change in
 * any release.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AlarmNames {

  /** The longest alarm name CloudWatch accepts. */
  public static final int MAX_LENGTH = 255;

  private AlarmNames() {}

  /**
   * {@code TargetTracking-<resource>-<kind>-<uuid>} with {@code resource} cut at its end so that
   * the name fits {@link #MAX_LENGTH}.
   *
   * @param resource the group name or scalable target resource id
   * @param kind {@code AlarmHigh} or {@code AlarmLow}
   * @param uuid the random part that makes the name unique
   * @return the alarm name, at most 255 characters
   */
  public static String targetTracking(String resource, String kind, String uuid) {
    String prefix = "TargetTracking-";
    String suffix = "-" + kind + "-" + uuid;
    int room = MAX_LENGTH - prefix.length() - suffix.length();
    String middle = resource.length() > room ? resource.substring(0, Math.max(0, room)) : resource;
    return prefix + middle + suffix;
  }
}
