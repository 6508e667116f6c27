package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verdict's failure share never rounds a failure away. */
class VerdictPercentTest {

  @Test
  void aFailureTooSmallForTwoDecimalsIsShownAsBelowOneHundredthNotAsNone() {
    assertThat(Verdict.percentOf(1, 1_000_000)).isEqualTo("< 0.01 %");
    assertThat(Verdict.percentOf(0, 1_000_000)).isEqualTo("0.00 %");
    assertThat(Verdict.percentOf(1, 10_000)).isEqualTo("0.01 %");
    assertThat(Verdict.percentOf(25, 1_000)).isEqualTo("2.50 %");
  }
}
