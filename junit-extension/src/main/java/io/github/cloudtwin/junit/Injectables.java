package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.faults.Faults;
import io.github.cloudtwin.kernel.Timeline;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The table of what the extension injects: one line per type. A later service adds its views by
 * name with one {@link #named} line (an auto scaling group, a load balancer, an ECS service).
 */
final class Injectables {

  /** One injectable type. */
  record Injectable(
      Class<?> type,
      String noun,
      Function<Scope, Object> unnamed,
      BiFunction<CloudTwin, String, Optional<?>> byName,
      Function<CloudTwin, List<String>> names) {

    boolean isNamed() {
      return byName != null;
    }
  }

  /** What an injection reads from: the twin and the current test's report. */
  record Scope(CloudTwin twin, TwinReport report) {}

  static final List<Injectable> ALL =
      List.of(
          unnamed(CloudTwin.class, Scope::twin),
          unnamed(Clock.class, s -> s.twin().clock()),
          unnamed(Timeline.class, s -> s.twin().timeline()),
          unnamed(CloudWatch.class, s -> s.twin().cloudWatch()),
          unnamed(Ec2.class, s -> s.twin().ec2()),
          unnamed(Faults.class, s -> s.twin().faults()),
          unnamed(TwinReport.class, Scope::report),
          named(MetricAlarm.class, "alarm", (t, n) -> find(t.cloudWatch().alarms(), MetricAlarm::alarmName, n),
              t -> t.cloudWatch().alarms().stream().map(MetricAlarm::alarmName).toList()),
          named(AutoScalingGroup.class, "Auto Scaling group", (t, n) -> find(t.autoScaling().groups(), AutoScalingGroup::name, n),
              t -> t.autoScaling().groups().stream().map(AutoScalingGroup::name).toList()));

  private Injectables() {}

  static Injectable unnamed(Class<?> type, Function<Scope, Object> get) {
    return new Injectable(type, type.getSimpleName(), get, null, null);
  }

  static Injectable named(
      Class<?> type,
      String noun,
      BiFunction<CloudTwin, String, Optional<?>> byName,
      Function<CloudTwin, List<String>> names) {
    return new Injectable(type, noun, null, byName, names);
  }

  private static <T> Optional<T> find(List<T> all, Function<T, String> name, String wanted) {
    return all.stream().filter(x -> name.apply(x).equals(wanted)).findFirst();
  }

  static Optional<Injectable> find(Class<?> type) {
    for (Injectable i : ALL) {
      if (i.type().equals(type)) return Optional.of(i);
    }
    return Optional.empty();
  }

  static String supportedTypes() {
    return ALL.stream()
        .map(i -> i.isNamed() ? "@FromTwin(\"name\") " + i.type().getSimpleName() : i.type().getSimpleName())
        .collect(Collectors.joining(", "));
  }
}
