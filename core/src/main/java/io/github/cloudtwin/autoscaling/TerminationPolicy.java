package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A termination policy: given the scale-in candidates of the chosen zone(s), it keeps the ones it
 * would terminate first. Policies of a group apply in order until one candidate is left; zone
 * balance always comes first. Stateless and thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface TerminationPolicy {

  /** {@return the policy name, such as {@code OldestInstance}} */
  String name();

  /**
   * The candidates this policy prefers to terminate, a non-empty subset of {@code candidates};
   * returning all of them (or an empty list) means no preference.
   *
   * @param candidates unprotected instances of the chosen zone(s), in launch order
   * @param launchTemplateName the group's current launch template (may be null)
   * @param launchTemplateVersion its current version (may be null)
   * @param now the virtual time
   * @return the candidates this policy prefers to terminate, a non-empty subset of {@code
   *     candidates}; returning all of them (or an empty list) means no preference
   */
  List<AutoScalingInstance> select(
      List<AutoScalingInstance> candidates,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      Instant now);

  /** Earliest launch time first. */
  TerminationPolicy OLDEST_INSTANCE =
      named("OldestInstance", (c, now) -> minBy(c, i -> i.launchTime().toEpochMilli()));

  /** Latest launch time first. */
  TerminationPolicy NEWEST_INSTANCE =
      named("NewestInstance", (c, now) -> minBy(c, i -> -i.launchTime().toEpochMilli()));

  /** Least time left before the next full hour of uptime ({@code 3600 - uptime mod 3600}). */
  TerminationPolicy CLOSEST_TO_NEXT_INSTANCE_HOUR =
      named(
          "ClosestToNextInstanceHour",
          (c, now) ->
              minBy(
                  c,
                  i ->
                      3600
                          - Math.floorMod(
                              Duration.between(i.launchTime(), now).getSeconds(), 3600L)));

  /** A non-current launch template first, then the oldest version of the current one. */
  TerminationPolicy OLDEST_LAUNCH_TEMPLATE =
      new TerminationPolicy() {
        @Override
        public String name() {
          return "OldestLaunchTemplate";
        }

        @Override
        public List<AutoScalingInstance> select(
            List<AutoScalingInstance> c,
            @Nullable String name,
            @Nullable String version,
            Instant now) {
          List<AutoScalingInstance> other = new ArrayList<>();
          for (AutoScalingInstance i : c) {
            if (name != null && !name.equals(i.launchTemplateName())) other.add(i);
          }
          if (!other.isEmpty()) {
            return other;
          }
          List<AutoScalingInstance> older = new ArrayList<>();
          for (AutoScalingInstance i : c) {
            if (version != null && !version.equals(i.launchTemplateVersion())) older.add(i);
          }
          if (older.isEmpty()) {
            return c;
          }
          String oldest =
              older.stream()
                  .map(AutoScalingInstance::launchTemplateVersion)
                  .min(TerminationPolicy::compareVersions)
                  .orElseThrow();
          List<AutoScalingInstance> out = new ArrayList<>();
          for (AutoScalingInstance i : older) {
            if (compareVersions(oldest, i.launchTemplateVersion()) == 0) out.add(i);
          }
          return out;
        }

        @Override
        public String toString() {
          return name();
        }
      };

  /**
   * AWS's default: the oldest launch template (non-current first), then the instance closest to its
   * next instance hour; remaining ties are broken by the group (lowest zone name, then a seeded
   * random choice).
   */
  TerminationPolicy DEFAULT =
      new TerminationPolicy() {
        @Override
        public String name() {
          return "Default";
        }

        @Override
        public List<AutoScalingInstance> select(
            List<AutoScalingInstance> c,
            @Nullable String name,
            @Nullable String version,
            Instant now) {
          List<AutoScalingInstance> s = OLDEST_LAUNCH_TEMPLATE.select(c, name, version, now);
          if (s.isEmpty()) s = c;
          List<AutoScalingInstance> t = CLOSEST_TO_NEXT_INSTANCE_HOUR.select(s, name, version, now);
          return t.isEmpty() ? s : t;
        }

        @Override
        public String toString() {
          return name();
        }
      };

  /**
   * A custom policy (AWS runs a Lambda function; the twin runs a Java function): given the
   * candidates and the time, it returns the instances to prefer.
   *
   * @param name the name
   * @param function the function
   * @return a custom policy (AWS runs a Lambda function; the twin runs a Java function): given the
   *     candidates and the time, it returns the instances to prefer
   */
  static TerminationPolicy custom(
      String name,
      BiFunction<List<AutoScalingInstance>, Instant, List<AutoScalingInstance>> function) {
    Require.name("terminationPolicies", name);
    Require.notNull("function", function);
    return named(name, function);
  }

  private static TerminationPolicy named(
      String name, BiFunction<List<AutoScalingInstance>, Instant, List<AutoScalingInstance>> f) {
    return new TerminationPolicy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<AutoScalingInstance> select(
          List<AutoScalingInstance> c,
          @Nullable String ltName,
          @Nullable String ltVersion,
          Instant now) {
        List<AutoScalingInstance> out = f.apply(List.copyOf(c), now);
        if (out == null) return List.of();
        java.util.Set<String> chosen = new java.util.HashSet<>();
        for (AutoScalingInstance i : out) {
          if (i != null) chosen.add(i.instanceId());
        }
        List<AutoScalingInstance> kept = new ArrayList<>();
        for (AutoScalingInstance i : c) {
          if (chosen.contains(i.instanceId())) kept.add(i);
        }
        return kept;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static List<AutoScalingInstance> minBy(
      List<AutoScalingInstance> c, ToLongFunction<AutoScalingInstance> key) {
    long best = Long.MAX_VALUE;
    for (AutoScalingInstance i : c) best = Math.min(best, key.applyAsLong(i));
    List<AutoScalingInstance> out = new ArrayList<>();
    for (AutoScalingInstance i : c) {
      if (key.applyAsLong(i) == best) out.add(i);
    }
    return out;
  }

  /** Orders launch template versions: numeric ones numerically, others as text, null first. */
  private static int compareVersions(@Nullable String a, @Nullable String b) {
    Comparator<String> c =
        Comparator.nullsFirst(
            (x, y) -> {
              try {
                return Long.compare(Long.parseLong(x), Long.parseLong(y));
              } catch (NumberFormatException e) {
                return x.compareTo(y);
              }
            });
    return c.compare(a, b);
  }
}
