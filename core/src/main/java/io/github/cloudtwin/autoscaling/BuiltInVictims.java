package io.github.cloudtwin.autoscaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The built-in termination policies applied to members directly, without a snapshot per candidate:
 * each keeps exactly the candidates, in the same order, that {@link TerminationPolicy}'s constant
 * of the same name keeps from their snapshots. Custom policies are user code and see snapshots (see
 * TerminationSelection). Stateless.
 */
final class BuiltInVictims {

  private BuiltInVictims() {}

  /** {@return whether every policy is one of TerminationPolicy's built-in constants} */
  static boolean covers(List<TerminationPolicy> policies) {
    for (TerminationPolicy p : policies) {
      if (p != TerminationPolicy.DEFAULT
          && p != TerminationPolicy.OLDEST_INSTANCE
          && p != TerminationPolicy.NEWEST_INSTANCE
          && p != TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR
          && p != TerminationPolicy.OLDEST_LAUNCH_TEMPLATE) return false;
    }
    return true;
  }

  /** {@return the number of key components of built-in {@code policies} (see #keys)} */
  static int width(List<TerminationPolicy> policies) {
    int w = 0;
    for (TerminationPolicy p : policies) {
      if (p == TerminationPolicy.DEFAULT) w += 4;
      else if (p == TerminationPolicy.OLDEST_LAUNCH_TEMPLATE) w += 3;
      else w += 1;
    }
    return w;
  }

  /**
   * Writes {@code m}'s key under built-in {@code policies} into {@code out} from {@code at}: each
   * policy keeps exactly the candidates of its smallest key (compared component by component), so
   * the policies in order keep the candidates of the smallest key tuple. OldestLaunchTemplate is
   * (another template ? 0 : 1, another version ? 0 : 1, that version's number), which needs the
   * versions compared to be numbers: false when one is not (nothing else is written then).
   */
  static boolean keys(
      List<TerminationPolicy> policies,
      Member m,
      @Nullable String name,
      @Nullable String version,
      Instant now,
      long[] out,
      int at) {
    long millis = m.launchTime.toEpochMilli();
    for (TerminationPolicy p : policies) {
      if (p == TerminationPolicy.DEFAULT || p == TerminationPolicy.OLDEST_LAUNCH_TEMPLATE) {
        boolean otherTemplate = name != null && !name.equals(m.launchTemplateName);
        boolean otherVersion =
            !otherTemplate && version != null && !version.equals(m.launchTemplateVersion);
        long number = 0;
        if (otherVersion) {
          try {
            number = Long.parseLong(m.launchTemplateVersion);
          } catch (NumberFormatException e) {
            return false;
          }
        }
        out[at++] = otherTemplate ? 0 : 1;
        out[at++] = otherTemplate || otherVersion ? 0 : 1;
        out[at++] = number;
        if (p == TerminationPolicy.DEFAULT) out[at++] = toNextInstanceHour(m.launchTime, now);
      } else if (p == TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR) {
        out[at++] = toNextInstanceHour(m.launchTime, now);
      } else {
        out[at++] = p == TerminationPolicy.OLDEST_INSTANCE ? millis : -millis;
      }
    }
    return true;
  }

  private static long toNextInstanceHour(Instant launchTime, Instant now) {
    return 3600 - Math.floorMod(Duration.between(launchTime, now).getSeconds(), 3600L);
  }

  /**
   * What built-in policy {@code p} keeps of {@code c}: a subsequence of it, or {@code c} itself (or
   * an empty list) for no preference, as {@link TerminationPolicy#select} on the snapshots.
   */
  static List<Member> select(
      TerminationPolicy p,
      List<Member> c,
      @Nullable String name,
      @Nullable String version,
      Instant now) {
    if (p == TerminationPolicy.DEFAULT) {
      List<Member> s = oldestLaunchTemplate(c, name, version);
      if (s.isEmpty()) s = c;
      List<Member> t = closestToNextInstanceHour(s, now);
      return t.isEmpty() ? s : t;
    }
    if (p == TerminationPolicy.OLDEST_LAUNCH_TEMPLATE)
      return oldestLaunchTemplate(c, name, version);
    if (p == TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR)
      return closestToNextInstanceHour(c, now);
    boolean oldest = p == TerminationPolicy.OLDEST_INSTANCE;
    long[] key = new long[c.size()];
    long best = Long.MAX_VALUE;
    for (int i = 0; i < key.length; i++) {
      long millis = c.get(i).launchTime.toEpochMilli();
      key[i] = oldest ? millis : -millis;
      best = Math.min(best, key[i]);
    }
    return keep(c, key, best);
  }

  private static List<Member> closestToNextInstanceHour(List<Member> c, Instant now) {
    long[] key = new long[c.size()];
    long best = Long.MAX_VALUE;
    for (int i = 0; i < key.length; i++) {
      key[i] = toNextInstanceHour(c.get(i).launchTime, now);
      best = Math.min(best, key[i]);
    }
    return keep(c, key, best);
  }

  private static List<Member> keep(List<Member> c, long[] key, long best) {
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < key.length; i++) if (key[i] == best) out.add(c.get(i));
    return out;
  }

  private static List<Member> oldestLaunchTemplate(
      List<Member> c, @Nullable String name, @Nullable String version) {
    List<Member> other = new ArrayList<>();
    for (Member m : c) {
      if (name != null && !name.equals(m.launchTemplateName)) other.add(m);
    }
    if (!other.isEmpty()) return other;
    List<Member> older = new ArrayList<>();
    for (Member m : c) {
      if (version != null && !version.equals(m.launchTemplateVersion)) older.add(m);
    }
    if (older.isEmpty()) return c;
    // Stream.min's reduction: the first of equal minima, and a null minimum throws
    @Nullable String oldest = older.get(0).launchTemplateVersion;
    for (int i = 1; i < older.size(); i++) {
      String v = older.get(i).launchTemplateVersion;
      if (compareVersions(oldest, v) > 0) oldest = v;
    }
    if (oldest == null) throw new NullPointerException();
    List<Member> out = new ArrayList<>();
    for (Member m : older) {
      if (compareVersions(oldest, m.launchTemplateVersion) == 0) out.add(m);
    }
    return out;
  }

  /**
   * TerminationPolicy's order of versions: numeric ones numerically, others as text, null first.
   */
  private static int compareVersions(@Nullable String a, @Nullable String b) {
    if (a == null) return b == null ? 0 : -1;
    if (b == null) return 1;
    try {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
