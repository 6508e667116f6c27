package io.github.cloudtwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.appautoscaling.ApplicationAutoScaling;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.faults.Faults;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.traffic.Traffic;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Users get services from the twin, never by constructing them, and the services' facades carry no
 * wiring: no public or protected constructor in core takes the kernel or the twin's wiring, and no
 * public method of a service facade is one of the twin's connections.
 */
class ServiceConstructionTest {

  static final List<Class<?>> SERVICES =
      List.of(
          CloudWatch.class,
          Ec2.class,
          Faults.class,
          AutoScaling.class,
          LoadBalancing.class,
          Traffic.class,
          Ecs.class,
          ApplicationAutoScaling.class);

  @Test
  void everyServiceHasOneConstructorAndItIsNotPublic() {
    for (Class<?> service : SERVICES) {
      Constructor<?> c = ServiceAssembly.constructor(service);
      assertThat(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))
          .as("%s's constructor", service.getSimpleName())
          .isFalse();
    }
  }

  @Test
  void noPublicConstructorInCoreTakesTheKernelOrTheWiring()
      throws IOException, ClassNotFoundException {
    Path classes =
        Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f :
          files
              .filter(
                  p ->
                      p.toString().endsWith(".class")
                          && !p.getFileName().toString().contains("-info"))
              .toList()) {
        String name =
            classes
                .relativize(f)
                .toString()
                .replace(java.io.File.separatorChar, '.')
                .replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        scanned++;
        if (!Modifier.isPublic(type.getModifiers())) continue;
        for (Constructor<?> c : type.getDeclaredConstructors()) {
          boolean visible =
              Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers());
          boolean internal =
              Arrays.stream(c.getParameterTypes())
                  .anyMatch(p -> p == Kernel.class || p == Wiring.class);
          if (visible && internal) offenders.add(c.toString());
        }
      }
    }
    assertThat(scanned).as("classes scanned in %s", classes).isGreaterThan(300);
    assertThat(offenders).as("public constructors taking the kernel or the wiring").isEmpty();
  }

  @Test
  void theFacadesCarryNoWiring() {
    List<String> wiring =
        List.of(
            "setTargetGroupResolver",
            "setTaskRuntime",
            "setLoadBalancerResolver",
            "setTargetRegistration",
            "useAutoScaling",
            "setAutoScalingGroupResolver",
            "setInjectionTargets",
            "injectedValue",
            "isSuppressed",
            "putEcsManagedScalingPolicy",
            "offerTraffic",
            "setOfferedRate",
            "averageServedRate",
            "hasServedTraffic");
    for (Class<?> service : SERVICES) {
      for (Method m : service.getMethods()) {
        assertThat(wiring)
            .as("public %s.%s", service.getSimpleName(), m.getName())
            .doesNotContain(m.getName());
      }
    }
  }

  @Test
  void aServiceWithSeveralConstructorsOrAPublicOneIsRefused() {
    assertThatThrownBy(() -> ServiceAssembly.constructor(String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one constructor");
    assertThatThrownBy(() -> ServiceAssembly.constructor(Object.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must not be public");
  }

  @Test
  void aServiceConstructorsExceptionReachesTheCallerUnwrapped() {
    assertThatThrownBy(() -> ServiceAssembly.create(Traffic.class, null, null, null, null))
        .isInstanceOf(io.github.cloudtwin.kernel.ValidationException.class)
        .hasMessageContaining("kernel");
  }
}
