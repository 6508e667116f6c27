package io.github.cloudtwin.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HexTest {

  private static final long[] EDGES = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xabcdefL};

  @Test
  void sixteenDigitsAreTheFormattersCharacters() {
    SplittableRandom r = new SplittableRandom(7);
    for (long v : EDGES) assertThat(Hex.of16(v)).isEqualTo(String.format("%016x", v));
    for (int i = 0; i < 10_000; i++) {
      long v = r.nextLong();
      assertThat(Hex.of16(v)).isEqualTo(String.format("%016x", v));
    }
  }

  @Test
  void fewerDigitsKeepTheLowBitsLikeAMaskedFormat() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 10_000; i++) {
      long v = r.nextLong();
      String s = Hex.append(new StringBuilder(), v, 3).toString();
      assertThat(s).isEqualTo(String.format("%03x", v & 0xfff));
      s = Hex.append(new StringBuilder(), v, 12).toString();
      assertThat(s).isEqualTo(String.format("%012x", v & 0xffffffffffffL));
    }
  }

  @Test
  void zeroPaddedDecimalIsTheFormattersCharacters() {
    SplittableRandom r = new SplittableRandom(13);
    for (long v : new long[] {0, 7, Long.MAX_VALUE})
      assertThat(Hex.zeroPadded(v, 19)).isEqualTo(String.format("%019d", v));
    for (int i = 0; i < 10_000; i++) {
      long v = (r.nextLong() & Long.MAX_VALUE) >>> (i % 64);
      assertThat(Hex.zeroPadded(v, 19)).isEqualTo(String.format("%019d", v));
    }
    assertThatThrownBy(() -> Hex.zeroPadded(-1, 19))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
