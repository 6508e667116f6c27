package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.C;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A scale-in under built-in termination policies chooses all its victims from one scan of the
 * members (VictimQueue): the same victims, in the same order and with the same seeded tie-breaks,
 * as the per-victim scan that a custom policy still gets. Each scenario runs twice from one seed:
 * once with built-in policies, once with custom policies that apply the same built-in ones to their
 * snapshots, and both must terminate the same instances in the same order.
 */
class VictimQueueTest {

  private static final List<TerminationPolicy> BUILT_IN =
      List.of(
          TerminationPolicy.DEFAULT,
          TerminationPolicy.OLDEST_INSTANCE,
          TerminationPolicy.NEWEST_INSTANCE,
          TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR,
          TerminationPolicy.OLDEST_LAUNCH_TEMPLATE);

  @Test
  void builtInPoliciesChooseTheSameVictimsInTheSameOrderAsThePerVictimScan() {
    int scaleInsOfSeveral = 0;
    for (long seed = 1; seed <= 80; seed++) {
      List<String> queued = run(seed, false);
      List<String> scanned = run(seed, true);
      assertThat(queued).as("seed %d", seed).isEqualTo(scanned);
      if (queued.stream().anyMatch(s -> s.startsWith("scale-in of") && s.contains(","))) {
        scaleInsOfSeveral++;
      }
    }
    assertThat(scaleInsOfSeveral)
        .as("scenarios with scale-ins of several victims")
        .isGreaterThan(60);
  }

  /**
   * Runs scenario {@code seed}; {@code custom} wraps each built-in policy in a custom one (the
   * per-victim path). Returns each scale-in's victims, then the instances left.
   */
  private static List<String> run(long seed, boolean custom) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] templateNow = {"lt-web", "1"};
    List<TerminationPolicy> chain = new ArrayList<>();
    int count = 1 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      // Default may only be the last policy
      TerminationPolicy p =
          i < count - 1
              ? BUILT_IN.get(1 + r.nextInt(BUILT_IN.size() - 1))
              : BUILT_IN.get(r.nextInt(BUILT_IN.size()));
      chain.add(p);
    }
    // a custom policy may only be the first: one custom policy applies the whole chain, as the
    // group applies built-in policies in order
    List<TerminationPolicy> policies =
        !custom
            ? chain
            : List.of(
                TerminationPolicy.custom(
                    "chain",
                    (c, now) -> {
                      List<AutoScalingInstance> pool = c;
                      for (TerminationPolicy p : chain) {
                        if (pool.size() <= 1) break;
                        List<AutoScalingInstance> s =
                            p.select(pool, templateNow[0], templateNow[1], now);
                        if (!s.isEmpty()) pool = s;
                      }
                      return pool;
                    }));
    String[] zones = List.of(A, B, C).subList(0, 1 + r.nextInt(3)).toArray(String[]::new);
    AutoScalingGroupSpec.Builder spec =
        Fixtures.group("web", 0, 200, 4 + r.nextInt(20), zones)
            .launchTemplate("lt-web", "1")
            .terminationPolicies(policies.toArray(TerminationPolicy[]::new));
    int mixed = r.nextInt(3);
    if (mixed == 1) {
      spec.mixedInstancesPolicy(
          MixedInstancesPolicy.prioritized(
                  LaunchTemplateOverride.of("c5.large"), LaunchTemplateOverride.of("m5.large"))
              .withOnDemandPercentageAboveBaseCapacity(r.nextInt(101)));
    } else if (mixed == 2) {
      spec.mixedInstancesPolicy(
          MixedInstancesPolicy.prioritized(
                  LaunchTemplateOverride.weighted("c5.xlarge", 1 + r.nextInt(3)),
                  LaunchTemplateOverride.weighted("m5.large", 1))
              .withOnDemandPercentageAboveBaseCapacity(r.nextInt(101)));
    }
    List<String> out = new ArrayList<>();
    try (CloudTwin twin = CloudTwin.builder().seed(seed).build()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(spec.build());
      for (int step = 0; step < 14; step++) {
        twin.advance(Duration.ofSeconds(1 + r.nextInt(2400)));
        int desired = g.desiredCapacity();
        switch (r.nextInt(5)) {
          case 0 -> {
            templateNow[0] = r.nextBoolean() ? "lt-web" : "lt-other";
            templateNow[1] = Integer.toString(1 + r.nextInt(4));
            twin.autoScaling().updateLaunchTemplate("web", templateNow[0], templateNow[1]);
          }
          case 1 -> {
            List<AutoScalingInstance> in = g.instances(LifecycleState.IN_SERVICE);
            if (!in.isEmpty()) {
              String id = in.get(r.nextInt(in.size())).instanceId();
              twin.autoScaling().setInstanceProtection("web", r.nextInt(4) != 0, id);
            }
          }
          case 2 ->
              twin.autoScaling().setDesiredCapacity("web", desired + 1 + r.nextInt(30), false);
          default -> {
            List<String> before = ids(g.instances(LifecycleState.TERMINATING));
            twin.autoScaling()
                .setDesiredCapacity("web", Math.max(0, desired - 1 - r.nextInt(25)), false);
            List<String> victims = ids(g.instances(LifecycleState.TERMINATING));
            victims.removeAll(before);
            out.add("scale-in of " + String.join(",", victims));
          }
        }
      }
      twin.advance(Duration.ofMinutes(30));
      for (ScalingActivity a : g.activities()) out.add(a.description());
      out.add("left " + ids(g.instances()));
    }
    return out;
  }

  private static List<String> ids(List<AutoScalingInstance> instances) {
    List<String> ids = new ArrayList<>();
    for (AutoScalingInstance i : instances) ids.add(i.instanceId());
    return ids;
  }
}
