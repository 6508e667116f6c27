package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.Request;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of the builders and commands with hostile values (extremes, NaN, infinities, nulls, blank
 * and odd strings, negative and huge durations): every call either succeeds or throws a
 * ValidationException that names its field in its message; never a NullPointerException or another
 * exception; a rejected command leaves the twin's views and timeline unchanged.
 */
class BuilderFuzzProperties {

  // ------------------------------------------------------------------ value generators

  @Provide
  Arbitrary<Integer> ints() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 12),
        Arbitraries.integers(),
        Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 65535, 65536, 86400, 86401));
  }

  /**
   * Capacities for commands on a live group: bounded above, because a huge desired capacity makes
   * the twin launch that many instances (reported to the lead: no instance quota).
   */
  @Provide
  Arbitrary<Integer> capacities() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 12),
        Arbitraries.integers().between(-1000, 40),
        Arbitraries.of(Integer.MIN_VALUE, -1));
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(-1000, 1000),
        Arbitraries.doubles(),
        Arbitraries.of(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Double.MIN_VALUE,
            Double.MAX_VALUE));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.oneOf(
            Arbitraries.of(
                "web",
                "tg",
                "us-east-1a",
                "us-east-1b",
                "m5.large",
                "",
                " ",
                "\t",
                "a/b",
                "-x-",
                "é",
                "\u0000",
                "HTTP:80/",
                "61 * * * *",
                "0 9 * * *",
                "p99",
                "x".repeat(300)),
            Arbitraries.strings().ofMaxLength(40))
        .injectNull(0.1);
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
            Arbitraries.longs().between(-120, 4000).map(Duration::ofSeconds),
            Arbitraries.longs().between(-100_000, 100_000).map(Duration::ofMillis),
            Arbitraries.of(
                Duration.ZERO,
                Duration.ofDays(400),
                Duration.ofSeconds(Long.MAX_VALUE / 1000),
                Duration.ofNanos(1)))
        .injectNull(0.1);
  }

  // ------------------------------------------------------------------ the check

  static void validOrValidationException(String what, Supplier<?> call) {
    try {
      call.get();
    } catch (ValidationException e) {
      assertThat(e.field()).as(what + ": field of " + e.getMessage()).isNotBlank();
      assertThat(e.getMessage()).as(what).isNotBlank().contains(e.field());
    } catch (RuntimeException e) {
      throw new AssertionError(what + " threw " + e, e);
    }
  }

  // ------------------------------------------------------------------ builders

  @Property
  void groupSpecs(
      @ForAll("strings") String name,
      @ForAll("ints") int min,
      @ForAll("ints") int max,
      @ForAll("ints") int desired,
      @ForAll("strings") String zone,
      @ForAll("strings") String type,
      @ForAll("durations") Duration cooldown,
      @ForAll("durations") Duration grace,
      @ForAll("durations") Duration boot,
      @ForAll("strings") String tg) {
    validOrValidationException(
        "group spec",
        () ->
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName(name)
                .minSize(min)
                .maxSize(max)
                .desiredCapacity(desired)
                .availabilityZones(zone)
                .instanceType(type)
                .defaultCooldown(cooldown)
                .healthCheckGracePeriod(grace)
                .bootTime(boot)
                .targetGroupNames(tg)
                .build());
  }

  @Property
  void alarmSpecs(
      @ForAll("strings") String name,
      @ForAll("strings") String namespace,
      @ForAll("strings") String metric,
      @ForAll("durations") Duration period,
      @ForAll("ints") int n,
      @ForAll("ints") int m,
      @ForAll("doubles") double threshold,
      @ForAll("ints") int range,
      @ForAll("strings") String statistic) {
    validOrValidationException(
        "alarm spec",
        () ->
            MetricAlarmSpec.builder()
                .alarmName(name)
                .metric(MetricId.of(namespace, metric))
                .period(period)
                .evaluationPeriods(n)
                .datapointsToAlarm(m)
                .threshold(threshold)
                .evaluationRange(range)
                .statistic(Statistic.parse(statistic))
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .treatMissingData(TreatMissingData.breaching)
                .build());
  }

  @Property
  void loadBalancingSpecs(
      @ForAll("strings") String name,
      @ForAll("ints") int port,
      @ForAll("durations") Duration interval,
      @ForAll("durations") Duration timeout,
      @ForAll("ints") int healthy,
      @ForAll("ints") int unhealthy,
      @ForAll("strings") String path,
      @ForAll("strings") String matcher,
      @ForAll("durations") Duration delay,
      @ForAll("durations") Duration idle) {
    validOrValidationException(
        "target group",
        () ->
            TargetGroupSpec.builder(name)
                .port(port)
                .deregistrationDelay(delay)
                .healthCheck(
                    HealthCheckSpec.builder()
                        .interval(interval)
                        .timeout(timeout)
                        .healthyThresholdCount(healthy)
                        .unhealthyThresholdCount(unhealthy)
                        .path(path)
                        .matcher(matcher)
                        .port(port)
                        .build())
                .build());
    validOrValidationException(
        "load balancer",
        () ->
            LoadBalancerSpec.application(name)
                .availabilityZones(path, matcher)
                .idleTimeout(idle)
                .build());
    validOrValidationException(
        "listener", () -> ListenerSpec.builder(name, port).forwardTo(matcher).build());
    validOrValidationException("request", () -> Request.get(path).toListener(port));
  }

  @Property
  void ec2PolicyAndTrafficSpecs(
      @ForAll("strings") String name,
      @ForAll("strings") String zone,
      @ForAll("doubles") double a,
      @ForAll("doubles") double b,
      @ForAll("ints") int adjustment,
      @ForAll("durations") Duration d,
      @ForAll("strings") String type) {
    validOrValidationException(
        "instance",
        () ->
            InstanceSpec.builder()
                .availabilityZone(zone)
                .instanceType(type)
                .bootTime(d)
                .idleCpuUtilization(a)
                .tag(name, type)
                .build());
    validOrValidationException(
        "simple policy",
        () ->
            SimpleScalingPolicy.builder()
                .policyName(name)
                .autoScalingGroupName(zone)
                .adjustmentType(AdjustmentType.PercentChangeInCapacity)
                .scalingAdjustment(adjustment)
                .minAdjustmentMagnitude(adjustment)
                .cooldown(d)
                .build());
    validOrValidationException(
        "step policy",
        () ->
            StepScalingPolicy.builder()
                .policyName(name)
                .autoScalingGroupName(zone)
                .step(a, b, adjustment)
                .step(b, null, adjustment)
                .estimatedInstanceWarmup(d)
                .build());
    validOrValidationException(
        "workloads",
        () ->
            List.of(
                Workload.constant(a),
                Workload.ramp(a, b, d),
                Workload.spike(a, b, d, d),
                Workload.dailySine(a, b, d)));
    validOrValidationException(
        "injection",
        () ->
            MetricInjection.metric(name)
                .forGroup(zone)
                .between(d, d == null ? null : d.plusSeconds(60))
                .ramp(a, b));
  }

  // ------------------------------------------------------------------ shrunk counterexamples, kept

  /** Shrunk from groupSpecs: a null zone made the builder throw a NullPointerException. */
  @Example
  void groupSpecWithNullsShrunk() {
    groupSpecs(null, 0, 0, 0, null, null, null, null, null, null);
  }

  /**
   * Shrunk from loadBalancingSpecs: null zones made LoadBalancerSpec's builder throw a
   * NullPointerException.
   */
  @Example
  void loadBalancerWithNullsShrunk() {
    loadBalancingSpecs(null, 0, null, null, 0, 0, null, null, null, null);
  }

  /**
   * Shrunk from commandsRejectedWithoutTrace: a zone outage starting ~292 million years ahead
   * overflowed half-way.
   */
  @Example
  void zoneOutageFarInTheFutureShrunk() {
    commandsRejectedWithoutTrace(null, 0, 0, 0.0, Duration.ofSeconds(Long.MAX_VALUE / 1000));
  }

  // ------------------------------------------------------------------ commands against a twin

  @Property(tries = 200)
  void commandsRejectedWithoutTrace(
      @ForAll("strings") String s,
      @ForAll("capacities") int i,
      @ForAll("capacities") int j,
      @ForAll("doubles") double v,
      @ForAll("durations") Duration d) {
    try (CloudTwin t = FuzzWorld.INSTANCE.get()) {
      List<Runnable> calls =
          List.of(
              () -> t.autoScaling().setDesiredCapacity(s, i, false),
              () -> t.autoScaling().setDesiredCapacity("web", i, i % 2 == 0),
              () -> t.autoScaling().updateAutoScalingGroup("web", i, j, null),
              () -> t.autoScaling().updateAutoScalingGroup("web", null, null, i),
              () -> t.autoScaling().executePolicy("web", s),
              () -> t.autoScaling().setInstanceProtection("web", true, s),
              () -> t.autoScaling().enterStandby("web", i > 0, s),
              () -> t.autoScaling().terminateInstanceInAutoScalingGroup(s, true),
              () -> t.cloudWatch().putMetricData(MetricId.of("App", "Q"), v),
              () ->
                  t.cloudWatch()
                      .putMetricData(
                          MetricId.of("App", "Q"),
                          i == -1 ? null : t.now().plusSeconds(i * 600L),
                          v,
                          StandardUnit.COUNT),
              () ->
                  t.cloudWatch()
                      .setAlarmState(s, io.github.cloudtwin.cloudwatch.AlarmState.ALARM, s),
              () -> t.cloudWatch().deleteAlarms(s),
              () -> t.ec2().terminateInstance(s),
              () -> t.faults().failZone(s),
              () ->
                  t.faults()
                      .zoneOutage(
                          "us-east-1a",
                          d,
                          d != null && d.compareTo(Duration.ofHours(2)) > 0
                              ? Duration.ofHours(2)
                              : d),
              () -> t.loadBalancing().registerTargets(s, s),
              () -> t.loadBalancing().deregisterTargets("tg", s),
              () -> t.loadBalancing().send(s),
              () -> t.loadBalancing().target(s).respondWith(i),
              () -> t.traffic().apply("web", Request.get(), Workload.constant(v)),
              () -> t.traffic().apply(s, Workload.constant(1)),
              () ->
                  t.advance(
                      d != null && d.compareTo(Duration.ofHours(2)) > 0 ? Duration.ofHours(2) : d));
      for (int k = 0; k < calls.size(); k++) {
        int events = t.timeline().size();
        String before = HostileInputCatalogueTest.snapshot(t);
        try {
          calls.get(k).run();
        } catch (ValidationException e) {
          assertThat(e.getMessage()).as("call " + k).isNotBlank().contains(e.field());
          assertThat(t.timeline().size())
              .as("timeline after rejected call " + k + ": " + e.getMessage())
              .isEqualTo(events);
          assertThat(HostileInputCatalogueTest.snapshot(t))
              .as("views after rejected call " + k + ": " + e.getMessage())
              .isEqualTo(before);
        } catch (io.github.cloudtwin.autoscaling.ScalingActivityInProgressException e) {
          assertThat(e.getMessage()).isNotBlank();
          assertThat(t.timeline().size()).as("timeline after rejected call " + k).isEqualTo(events);
        } catch (RuntimeException e) {
          throw new AssertionError(
              "call "
                  + k
                  + " with ("
                  + s
                  + ", "
                  + i
                  + ", "
                  + j
                  + ", "
                  + v
                  + ", "
                  + d
                  + ") threw "
                  + e,
              e);
        }
      }
    }
  }

  // ------------------------------------------------------------------ issue 13: arithmetic, ECS
  // and Application Auto Scaling builders

  /**
   * Any adjustment, of any type and size, leaves desired capacity within [min, max] and moves it in
   * the adjustment's direction (an int overflow once turned +Integer.MAX_VALUE into a scale-in).
   */
  @Property(tries = 300)
  void scalingAdjustmentsStayWithinTheLimitsAndKeepTheirDirection(
      @ForAll("ints") int adjustment,
      @ForAll("adjustmentTypes") AdjustmentType type,
      @ForAll("smallCapacities") int min,
      @ForAll("smallCapacities") int extra,
      @ForAll("smallCapacities") int start) {
    int max = min + extra;
    int desired = Math.min(max, min + start);
    try (CloudTwin t = CloudTwin.builder().seed(1).build()) {
      t.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("g")
                  .minSize(min)
                  .maxSize(max)
                  .desiredCapacity(desired)
                  .availabilityZones("us-east-1a")
                  .build());
      try {
        t.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("g")
                    .adjustmentType(type)
                    .scalingAdjustment(adjustment)
                    .build());
      } catch (ValidationException e) {
        return; // ExactCapacity below 0: rejected, as AWS does
      }
      t.autoScaling().executePolicy("g", "p");
      int after = t.autoScaling().group("g").desiredCapacity();
      assertThat(after)
          .as(type + " " + adjustment + " on " + min + "/" + desired + "/" + max)
          .isBetween(min, max);
      if (type != AdjustmentType.ExactCapacity && adjustment > 0)
        assertThat(after).isGreaterThanOrEqualTo(desired);
      if (type != AdjustmentType.ExactCapacity && adjustment < 0)
        assertThat(after).isLessThanOrEqualTo(desired);
      if (type == AdjustmentType.ExactCapacity)
        assertThat(after).isEqualTo(Math.max(min, Math.min(max, adjustment)));
    }
  }

  @Provide
  Arbitrary<AdjustmentType> adjustmentTypes() {
    return Arbitraries.of(AdjustmentType.class);
  }

  @Provide
  Arbitrary<Integer> smallCapacities() {
    return Arbitraries.integers().between(0, 4);
  }

  @Property
  void ecsApplicationAutoScalingAndMetricBuilders(
      @ForAll("strings") String a,
      @ForAll("strings") String b,
      @ForAll("doubles") double x,
      @ForAll("doubles") double y,
      @ForAll("ints") int n,
      @ForAll("doubles") double count) {
    validOrValidationException(
        "Application Auto Scaling steps",
        () ->
            io.github.cloudtwin.appautoscaling.StepScalingPolicySpec.of(
                a,
                b,
                io.github.cloudtwin.appautoscaling.AdjustmentType.values()[Math.floorMod(n, 3)],
                io.github.cloudtwin.appautoscaling.StepAdjustment.of(null, x, n),
                io.github.cloudtwin.appautoscaling.StepAdjustment.of(x, y, n),
                n % 5 == 0
                    ? null
                    : io.github.cloudtwin.appautoscaling.StepAdjustment.of(y, null, n)));
    validOrValidationException(
        "container",
        () -> io.github.cloudtwin.ecs.ContainerDefinition.builder(a, b).command(a, b).build());
    validOrValidationException(
        "task definition",
        () ->
            io.github.cloudtwin.ecs.TaskDefinitionSpec.builder(a)
                .requiresCompatibilities(
                    n % 3 == 0 ? null : io.github.cloudtwin.ecs.LaunchType.FARGATE)
                .build());
    validOrValidationException(
        "service",
        () ->
            io.github.cloudtwin.ecs.ServiceSpec.builder(a, b, a)
                .placementStrategy(
                    n % 2 == 0
                        ? null
                        : io.github.cloudtwin.ecs.PlacementStrategy.spread(
                            "attribute:ecs.availability-zone"))
                .placementConstraints((io.github.cloudtwin.ecs.PlacementConstraint) null)
                .build());
    validOrValidationException("metric id", () -> MetricId.of(a, b, a, b, n % 2 == 0 ? a : b, b));
    validOrValidationException(
        "statistic set",
        () ->
            new io.github.cloudtwin.cloudwatch.StatisticValues(
                count, x, Math.min(x, y), Math.max(x, y)));
    validOrValidationException(
        "request",
        () ->
            new Request(
                "GET", a, "/", java.util.Collections.singletonMap(a, b), null, 0, 0, false));
  }

  /**
   * A value CloudWatch accepts is stored as given; one outside its range is rejected, never stored.
   */
  @Property(tries = 200)
  void putMetricDataStoresOnlyValuesCloudWatchAccepts(@ForAll("doubles") double v) {
    try (CloudTwin t = CloudTwin.create()) {
      MetricId m = MetricId.of("App", "Q");
      boolean inRange =
          Double.isFinite(v)
              && (v == 0 || Math.abs(v) >= 8.515920e-109 && Math.abs(v) <= 1.174271e+108);
      try {
        t.cloudWatch().putMetricData(m, v);
        assertThat(inRange).as("accepted " + v).isTrue();
        assertThat(
                t.cloudWatch()
                    .statistic(m, t.now(), t.now().plusSeconds(1), Statistic.MAXIMUM)
                    .getAsDouble())
            .isEqualTo(v);
      } catch (ValidationException e) {
        assertThat(inRange).as("rejected " + v + ": " + e.getMessage()).isFalse();
        assertThat(t.cloudWatch().storedSampleCount(m)).isZero();
      }
    }
  }

  /** A small twin for the command fuzzing: group "web" behind ALB "web", an alarm. */
  enum FuzzWorld implements Supplier<CloudTwin> {
    INSTANCE;

    @Override
    public CloudTwin get() {
      return HostileInputCatalogueTest.world();
    }
  }
}
