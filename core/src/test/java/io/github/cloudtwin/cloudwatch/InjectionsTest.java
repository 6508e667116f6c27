package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The active injections as a data structure: which one answers for an instance, a group, a metric
 * id.
 */
class InjectionsTest {

  private static final String CPU = "CPUUtilization";
  private static final MetricId QUEUE = MetricId.of("App", "QueueDepth", "Queue", "orders");

  private final Injections injections = new Injections();

  private Injections.Active add(MetricInjection spec, long from, long to) {
    Injections.Active a = new Injections.Active(spec, from, to);
    injections.all.add(a);
    return a;
  }

  @Test
  void anInstanceInjectionBeatsANewerGroupInjection() {
    Injections.Active instance =
        add(MetricInjection.metric(CPU).forInstance("i-1").constant(90), 0, 100);
    add(MetricInjection.metric(CPU).forGroup("web").constant(10), 0, 100);

    assertThat(injections.find(CPU, "i-1", "web", 50)).isSameAs(instance);
  }

  @Test
  void theNewestGroupInjectionCoveringTheTimeAnswers() {
    add(MetricInjection.metric(CPU).forGroup("web").constant(10), 0, 100);
    Injections.Active newer = add(MetricInjection.metric(CPU).forGroup("web").constant(20), 40, 60);

    assertThat(injections.find(CPU, "i-2", "web", 50)).isSameAs(newer);
    assertThat(injections.find(CPU, "i-2", "web", 60).valueAt(60)).isEqualTo(10);
  }

  @Test
  void aWindowCoversItsStartButNotItsEnd() {
    Injections.Active a = add(MetricInjection.metric(CPU).forInstance("i-1").constant(90), 10, 20);

    assertThat(a.covers(10)).isTrue();
    assertThat(a.covers(19)).isTrue();
    assertThat(a.covers(20)).isFalse();
    assertThat(a.covers(9)).isFalse();
    assertThat(injections.find(CPU, "i-1", null, 20)).isNull();
  }

  @Test
  void anotherMetricNameOrAMetricIdInjectionDoesNotAnswerForAnInstance() {
    add(MetricInjection.metric("NetworkIn").forInstance("i-1").constant(5), 0, 100);
    add(MetricInjection.metric(QUEUE).constant(7), 0, 100);

    assertThat(injections.find(CPU, "i-1", null, 50)).isNull();
    assertThat(injections.find("QueueDepth", null, null, 50)).isNull();
  }

  @Test
  void aGapSilencesOnlyItsOwnMetricIdInsideItsWindow() {
    assertThat(injections.isEmpty()).isTrue();
    add(MetricInjection.metric(QUEUE).gap(), 10, 20);

    assertThat(injections.isEmpty()).isFalse();
    assertThat(injections.isGap(QUEUE, 15)).isTrue();
    assertThat(injections.isGap(QUEUE, 20)).isFalse();
    assertThat(injections.isGap(MetricId.of("App", "QueueDepth", "Queue", "refunds"), 15))
        .isFalse();
  }

  @Test
  void aValueInjectionIsNoGap() {
    add(MetricInjection.metric(QUEUE).constant(3), 0, 100);

    assertThat(injections.isGap(QUEUE, 50)).isFalse();
  }

  @Test
  void theNewestMetricIdInjectionIncludesGaps() {
    add(MetricInjection.metric(QUEUE).constant(3), 0, 100);
    Injections.Active gap = add(MetricInjection.metric(QUEUE).gap(), 40, 60);

    assertThat(injections.newestFor(QUEUE, 50)).isSameAs(gap);
    assertThat(injections.newestFor(QUEUE, 70).valueAt(70)).isEqualTo(3);
    assertThat(injections.newestFor(QUEUE, 100)).isNull();
  }
}
