package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.ApplicationAutoScaling;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ecs.CapacityProvider;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.faults.Faults;
import io.github.cloudtwin.junit.spi.InjectableProvider;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.traffic.Traffic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The table of what the extension injects: one line per type. A later service adds its views by
 * name with one {@link #named} line, or one {@link #resource} line when a sole resource of its type
 * may be injected without a name.
 */
final class Injectables {

  /** One injectable type. */
  record Injectable(
      Class<?> type,
      String noun,
      @Nullable Function<Scope, Object> unnamed,
      @Nullable BiFunction<CloudTwin, String, Optional<?>> byName,
      @Nullable Function<CloudTwin, List<String>> names,
      boolean soleByType) {

    boolean isNamed() {
      return byName != null;
    }
  }

  /**
   * What an injection reads from: the twin, the current test's report, and the per-twin state of
   * the {@link InjectableProvider}s.
   */
  record Scope(CloudTwin twin, @Nullable TwinReport report, Map<Class<?>, Object> providerState) {}

  /** The providers on the class path, found once (immutable). */
  private static final List<InjectableProvider<?>> PROVIDERS = providers();

  private static List<InjectableProvider<?>> providers() {
    List<InjectableProvider<?>> out = new ArrayList<>();
    for (InjectableProvider<?> p :
        ServiceLoader.load(InjectableProvider.class, Injectables.class.getClassLoader())) {
      out.add(p);
    }
    return List.copyOf(out);
  }

  private static <S> Injectable provided(InjectableProvider<S> p, Class<?> type) {
    return unnamed(
        type,
        scope -> {
          @SuppressWarnings("unchecked")
          S state =
              (S) scope.providerState().computeIfAbsent(p.getClass(), k -> p.open(scope.twin()));
          return p.value(type, state);
        });
  }

  static final List<Injectable> ALL =
      List.of(
          unnamed(CloudTwin.class, Scope::twin),
          unnamed(Clock.class, s -> s.twin().clock()),
          unnamed(Timeline.class, s -> s.twin().timeline()),
          unnamed(CloudWatch.class, s -> s.twin().cloudWatch()),
          unnamed(Ec2.class, s -> s.twin().ec2()),
          unnamed(Faults.class, s -> s.twin().faults()),
          unnamed(AutoScaling.class, s -> s.twin().autoScaling()),
          unnamed(LoadBalancing.class, s -> s.twin().loadBalancing()),
          unnamed(Ecs.class, s -> s.twin().ecs()),
          unnamed(ApplicationAutoScaling.class, s -> s.twin().applicationAutoScaling()),
          unnamed(Traffic.class, s -> s.twin().traffic()),
          unnamed(TwinReport.class, Scope::report),
          named(
              MetricAlarm.class,
              "alarm",
              (t, n) -> find(t.cloudWatch().alarms(), MetricAlarm::alarmName, n),
              t -> t.cloudWatch().alarms().stream().map(MetricAlarm::alarmName).toList()),
          resource(
              AutoScalingGroup.class,
              "Auto Scaling group",
              (t, n) -> find(t.autoScaling().groups(), AutoScalingGroup::name, n),
              t -> t.autoScaling().groups().stream().map(AutoScalingGroup::name).toList()),
          resource(
              LoadBalancer.class,
              "load balancer",
              (t, n) -> find(t.loadBalancing().loadBalancers(), LoadBalancer::name, n),
              t -> t.loadBalancing().loadBalancers().stream().map(LoadBalancer::name).toList()),
          resource(
              TargetGroup.class,
              "target group",
              (t, n) -> find(t.loadBalancing().targetGroups(), TargetGroup::name, n),
              t -> t.loadBalancing().targetGroups().stream().map(TargetGroup::name).toList()),
          resource(
              Cluster.class,
              "ECS cluster",
              (t, n) -> find(t.ecs().clusters(), Cluster::clusterName, n),
              t -> t.ecs().clusters().stream().map(Cluster::clusterName).toList()),
          resource(
              EcsService.class, "ECS service", Injectables::service, Injectables::serviceNames),
          resource(
              CapacityProvider.class,
              "capacity provider",
              Injectables::capacityProvider,
              t -> capacityProviders(t).stream().map(CapacityProvider::name).toList()));

  private Injectables() {}

  static Injectable unnamed(Class<?> type, Function<Scope, Object> get) {
    return new Injectable(type, type.getSimpleName(), get, null, null, false);
  }

  /** A resource found by name, or by type alone while the twin has exactly one. */
  static Injectable resource(
      Class<?> type,
      String noun,
      BiFunction<CloudTwin, String, Optional<?>> byName,
      Function<CloudTwin, List<String>> names) {
    return new Injectable(type, noun, null, byName, names, true);
  }

  static Injectable named(
      Class<?> type,
      String noun,
      BiFunction<CloudTwin, String, Optional<?>> byName,
      Function<CloudTwin, List<String>> names) {
    return new Injectable(type, noun, null, byName, names, false);
  }

  /**
   * Services are named {@code cluster/service}, or just {@code service} when that is unambiguous.
   */
  private static Optional<?> service(CloudTwin twin, String name) {
    List<EcsService> all = services(twin);
    int slash = name.indexOf('/');
    List<EcsService> found =
        all.stream()
            .filter(
                s ->
                    slash < 0
                        ? s.serviceName().equals(name)
                        : (s.clusterName() + "/" + s.serviceName()).equals(name))
            .toList();
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "several clusters have an ECS service named \""
              + name
              + "\" ("
              + serviceNames(twin)
              + "); write @FromTwin(\"cluster/"
              + name
              + "\").");
    }
    return found.stream().findFirst();
  }

  private static List<EcsService> services(CloudTwin twin) {
    return twin.ecs().clusters().stream().flatMap(c -> c.services().stream()).toList();
  }

  private static List<String> serviceNames(CloudTwin twin) {
    return services(twin).stream().map(s -> s.clusterName() + "/" + s.serviceName()).toList();
  }

  private static List<CapacityProvider> capacityProviders(CloudTwin twin) {
    return twin.ecs().clusters().stream()
        .flatMap(c -> c.capacityProviders().stream())
        .distinct()
        .map(n -> twin.ecs().capacityProvider(n))
        .toList();
  }

  private static Optional<?> capacityProvider(CloudTwin twin, String name) {
    return find(capacityProviders(twin), CapacityProvider::name, name);
  }

  private static <T> Optional<T> find(List<T> all, Function<T, String> name, String wanted) {
    return all.stream().filter(x -> name.apply(x).equals(wanted)).findFirst();
  }

  static Optional<Injectable> find(Class<?> type) {
    for (Injectable i : ALL) {
      if (i.type().equals(type)) return Optional.of(i);
    }
    for (InjectableProvider<?> p : PROVIDERS) {
      if (p.types().contains(type)) return Optional.of(provided(p, type));
    }
    return Optional.empty();
  }

  static String supportedTypes() {
    String provided =
        PROVIDERS.stream()
            .flatMap(p -> p.types().stream())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
    return ALL.stream()
            .map(
                i ->
                    i.isNamed()
                        ? "@FromTwin(\"name\") " + i.type().getSimpleName()
                        : i.type().getSimpleName())
            .collect(Collectors.joining(", "))
        + (provided.isEmpty() ? "" : ", " + provided);
  }
}
