package io.github.cloudtwin.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.elb.Request;
import io.github.cloudtwin.internal.LoadBalancerTraffic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CPU model's served-rate handles, kept in the order the instances are asked about: whatever
 * the order, each answer is the asked instance's own, and a handle is made again only for an
 * instance not asked about the minute before.
 */
class ServedRatesTest {

  /** Answers each target's id length plus the window's start; counts the handles it makes. */
  private static final class Offered implements LoadBalancerTraffic {
    final List<String> made = new ArrayList<>();

    @Override
    public ServedRate servedRateOf(String targetId) {
      made.add(targetId);
      return (from, to) -> Integer.parseInt(targetId.substring(2)) + from;
    }

    @Override
    public long offer(String loadBalancerName, Request request, double requestsPerSecond) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setRate(long flowId, double requestsPerSecond) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean hasServedTraffic() {
      return true;
    }

    @Override
    public double averageServedRate(String targetId, Instant from, Instant to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double servedRate(String targetId) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class Key {
    final String id;

    Key(String id) {
      this.id = id;
    }
  }

  private static void ask(ServedRates rates, long minute, Key... keys) {
    for (Key k : keys) {
      assertThat(rates.of(k, k.id, minute).average(minute, minute + 60_000))
          .as("%s at %d", k.id, minute)
          .isEqualTo(Integer.parseInt(k.id.substring(2)) + minute);
    }
  }

  @Test
  void theSameOrderMakesNoHandleAgainAndAChangedOneAnswersForTheInstanceAsked() {
    Offered offered = new Offered();
    ServedRates rates = new ServedRates(offered);
    Key a = new Key("i-1");
    Key b = new Key("i-2");
    Key c = new Key("i-3");
    Key d = new Key("i-4");
    ask(rates, 0, a, b, c);
    ask(rates, 60_000, a, b, c);
    assertThat(offered.made).containsExactly("i-1", "i-2", "i-3");

    ask(rates, 120_000, a, c); // b is no longer asked about
    ask(rates, 180_000, a, c, d); // d is new, at the end
    ask(rates, 240_000, a, c, d);
    assertThat(offered.made).containsExactly("i-1", "i-2", "i-3", "i-4");

    ask(rates, 300_000, a, b, c, d); // b comes back in the middle: a new handle, the rest kept
    ask(rates, 360_000, a, b, c, d);
    assertThat(offered.made).containsExactly("i-1", "i-2", "i-3", "i-4", "i-2");

    ask(rates, 420_000, d, c, b, a); // any order: still each instance's own answer
    ask(rates, 480_000, d, c, b, a);
    ask(rates, 540_000, b);
    ask(rates, 600_000);
    ask(rates, 660_000, a, d);
  }
}
