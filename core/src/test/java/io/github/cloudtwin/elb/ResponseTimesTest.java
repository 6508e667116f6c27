package io.github.cloudtwin.elb;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles over requests weighted by latency. */
class ResponseTimesTest {

  static ResponseTimes of(long[] millis, double[] requests) {
    long[] micros = new long[millis.length];
    for (int i = 0; i < millis.length; i++) micros[i] = millis[i] * 1000;
    return ResponseTimes.of(micros, requests);
  }

  @Test
  void aPercentileIsTheLowestLatencyThatCoversItsShareOfTheRequests() {
    ResponseTimes t = of(new long[] {420, 20, 20}, new double[] {10, 45, 45});
    assertThat(t.requests()).isEqualTo(100);
    assertThat(t.distribution())
        .containsExactly(
            java.util.Map.entry(ofMillis(20), 90.0), java.util.Map.entry(ofMillis(420), 10.0));
    assertThat(t.percentile(50)).contains(ofMillis(20));
    assertThat(t.percentile(90)).contains(ofMillis(20));
    assertThat(t.percentile(90.1)).contains(ofMillis(420));
    assertThat(t.percentile(100)).contains(ofMillis(420));
    assertThat(t.mean()).contains(ofMillis(60));
  }

  @Test
  void mergingAddsTheRequestsOfBothWindows() {
    ResponseTimes a = of(new long[] {20}, new double[] {98});
    ResponseTimes b = of(new long[] {500, 20}, new double[] {2, 0});
    ResponseTimes both = a.plus(b);
    assertThat(both.requests()).isEqualTo(100);
    assertThat(both.percentile(98)).contains(ofMillis(20));
    assertThat(both.percentile(99)).contains(ofMillis(500));
    assertThat(a.plus(ResponseTimes.NONE)).isSameAs(a);
  }

  @Test
  void noAnswersGiveNoPercentileAndABadPercentileIsRefused() {
    assertThat(ResponseTimes.NONE.isEmpty()).isTrue();
    assertThat(ResponseTimes.NONE.percentile(99)).isEmpty();
    assertThat(ResponseTimes.NONE.mean()).isEmpty();
    assertThatThrownBy(() -> ResponseTimes.NONE.percentile(0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("percentile")
        .hasMessageContaining("more than 0 and at most 100");
    assertThatThrownBy(() -> ResponseTimes.NONE.percentile(100.5))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("100.5");
  }
}
