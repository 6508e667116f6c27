package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.TwinClosedException;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.realtime.RealTimeDriver;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Life after close (issue 13): every call on a closed twin fails with the one {@link
 * TwinClosedException}, and nothing the twin owns (sockets, threads) outlives it.
 */
class ClosedTwinTest {

  static final String A = "us-east-1a";

  static CloudTwin closedWorld() {
    CloudTwin t = HostileInputCatalogueTest.world();
    t.close();
    return t;
  }

  static Map<String, Consumer<CloudTwin>> commands() {
    Map<String, Consumer<CloudTwin>> m = new java.util.LinkedHashMap<>();
    m.put("advance", t -> t.advance(Duration.ofMinutes(1)));
    m.put("advanceTo", t -> t.advanceTo(t.now().plusSeconds(60)));
    m.put("advanceUntil", t -> t.advanceUntil(() -> false, Duration.ofMinutes(1)));
    m.put(
        "createAutoScalingGroup",
        t ->
            t.autoScaling()
                .createAutoScalingGroup(
                    AutoScalingGroupSpec.builder()
                        .autoScalingGroupName("g2")
                        .minSize(0)
                        .maxSize(2)
                        .availabilityZones(A)
                        .build()));
    m.put(
        "putMetricAlarm",
        t ->
            t.cloudWatch()
                .putMetricAlarm(
                    MetricAlarmSpec.builder()
                        .alarmName("x")
                        .metric(MetricId.of("A", "B"))
                        .threshold(1)
                        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                        .build()));
    m.put("putMetricData", t -> t.cloudWatch().putMetricData(MetricId.of("A", "B"), 1));
    m.put(
        "runInstance",
        t -> t.ec2().runInstance(InstanceSpec.builder().availabilityZone(A).build()));
    m.put(
        "createTargetGroup",
        t -> t.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg2").build()));
    m.put(
        "createLoadBalancer",
        t ->
            t.loadBalancing()
                .createLoadBalancer(
                    LoadBalancerSpec.application("lb2")
                        .availabilityZones(A, "us-east-1b")
                        .build()));
    m.put(
        "createListener",
        t ->
            t.loadBalancing()
                .createListener(ListenerSpec.builder("web", 81).forwardTo("tg").build()));
    m.put("send", t -> t.loadBalancing().send("web"));
    m.put("createCluster", t -> t.ecs().createCluster("c"));
    m.put("failZone", t -> t.faults().failZone(A));
    m.put("setDesiredCapacity", t -> t.autoScaling().setDesiredCapacity("web", 3, false));
    m.put("read groups", t -> t.autoScaling().groups());
    m.put("read alarms", t -> t.cloudWatch().alarms());
    m.put("startHttpListener", t -> t.loadBalancing().startHttpListener("web"));
    m.put("RealTimeDriver.start", t -> RealTimeDriver.start(t, 60));
    m.put("closeOnClose", t -> t.closeOnClose(() -> {}));
    return m;
  }

  @Test
  void everyCommandOnAClosedTwinFailsWithTheOneClosedError() {
    try (CloudTwin twin = closedWorld()) {
      for (Map.Entry<String, Consumer<CloudTwin>> c : commands().entrySet()) {
        int events = twin.timeline().size();
        Throwable thrown = catchThrowable(() -> c.getValue().accept(twin));
        assertThat(thrown)
            .as(c.getKey())
            .isInstanceOf(TwinClosedException.class)
            .hasMessageContaining(
                "This CloudTwin was closed at virtual time 2026-01-01T00:03:00Z; build a new one.");
        assertThat(twin.timeline().size()).as("timeline after " + c.getKey()).isEqualTo(events);
      }
    }
  }

  @Test
  void aViewObtainedBeforeCloseRefusesToo() {
    CloudTwin twin = HostileInputCatalogueTest.world();
    AutoScalingGroup web = twin.autoScaling().group("web");
    twin.close();
    assertThatThrownBy(web::desiredCapacity).isInstanceOf(TwinClosedException.class);
    assertThat(twin.timeline().size()).as("the timeline stays readable").isPositive();
    assertThat(twin.now()).isEqualTo(twin.config().start().plusSeconds(180));
  }

  /**
   * Every public method of every service facade, called with placeholder arguments on a closed
   * twin: none may succeed; each fails with the closed error (or, where the placeholder argument is
   * itself invalid, a ValidationException about it).
   */
  @Test
  void noPublicServiceMethodWorksOnAClosedTwin() throws Exception {
    try (CloudTwin twin = closedWorld()) {
      List<String> succeeded = new ArrayList<>();
      List<String> wrong = new ArrayList<>();
      int closedErrors = 0;
      Object[] facades = {
        twin.cloudWatch(),
        twin.ec2(),
        twin.autoScaling(),
        twin.loadBalancing(),
        twin.traffic(),
        twin.ecs(),
        twin.applicationAutoScaling(),
        twin.faults()
      };
      for (Object facade : facades) {
        for (Method m : facade.getClass().getMethods()) {
          if (m.getDeclaringClass() == Object.class
              || Modifier.isStatic(m.getModifiers())
              || m.getName().equals("close")
              || m.getName().equals("toString")) continue;
          Object[] args = new Object[m.getParameterCount()];
          Class<?>[] types = m.getParameterTypes();
          for (int i = 0; i < args.length; i++) args[i] = placeholder(types[i]);
          String name =
              facade.getClass().getSimpleName()
                  + "."
                  + m.getName()
                  + java.util.Arrays.toString(types);
          try {
            m.invoke(facade, args);
            succeeded.add(name);
          } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof TwinClosedException) closedErrors++;
            else if (!(c instanceof ValidationException)) wrong.add(name + " threw " + c);
          }
        }
      }
      assertThat(succeeded).as("methods that still worked on a closed twin").isEmpty();
      assertThat(wrong).as("methods that failed with another error").isEmpty();
      assertThat(closedErrors)
          .as("methods refused with the closed error")
          .isGreaterThanOrEqualTo(100);
    }
  }

  private static Object placeholder(Class<?> type) {
    if (type == int.class) return 1;
    if (type == long.class) return 1L;
    if (type == double.class) return 1.0;
    if (type == boolean.class) return false;
    if (type == String.class) return "web";
    if (type == Duration.class) return Duration.ofMinutes(1);
    if (type.isArray()) return Array.newInstance(type.getComponentType(), 0);
    if (type == List.class) return List.of();
    return null;
  }

  @Test
  void startHttpListenerAfterCloseLeavesNoSocketAndNoThread() {
    CloudTwin twin = CloudTwin.create();
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("closed-probe")
                .availabilityZones(A, "us-east-1b")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("closed-probe", 80).forwardTo("tg").build());
    twin.close();
    assertThatThrownBy(() -> twin.loadBalancing().startHttpListener("closed-probe"))
        .isInstanceOf(TwinClosedException.class);
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("cloudtwin-http-closed-probe"))
                .filter(Thread::isAlive)
                .toList())
        .as("listener threads of the closed twin")
        .isEmpty();
  }

  @Test
  void aListenerStartedBeforeCloseStopsAcceptingAtClose() throws IOException {
    CloudTwin twin = HostileInputCatalogueTest.world();
    int port = twin.loadBalancing().startHttpListener("web").port();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
    twin.close();
    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
              }
            })
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aResourceHandedToAClosedTwinIsClosedAtOnce() {
    CloudTwin twin = closedWorld();
    boolean[] closed = {false};
    assertThatThrownBy(() -> twin.closeOnClose(() -> closed[0] = true))
        .isInstanceOf(TwinClosedException.class);
    assertThat(closed[0]).isTrue();
  }
}
