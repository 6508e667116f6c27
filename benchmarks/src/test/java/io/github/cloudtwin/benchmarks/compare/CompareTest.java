package io.github.cloudtwin.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison's arithmetic and its markdown writer; the comparison itself runs only via
 * compare.sh.
 */
class CompareTest {

  @Test
  void percentilesUseNearestRank() {
    List<Long> samples = new ArrayList<>();
    for (long i = 20; i >= 1; i--) samples.add(i * 1_000_000L);
    Stats s = Stats.of(samples);
    assertThat(s.rounds()).isEqualTo(20);
    assertThat(s.p10()).isEqualTo(2_000_000L);
    assertThat(s.p25()).isEqualTo(5_000_000L);
    assertThat(s.median()).isEqualTo(10_000_000L);
    assertThat(s.p75()).isEqualTo(15_000_000L);
    assertThat(s.p90()).isEqualTo(18_000_000L);
    assertThat(s.min()).isEqualTo(1_000_000L);
    assertThat(s.max()).isEqualTo(20_000_000L);
  }

  @Test
  void durationsReadAsShortFigures() {
    assertThat(Stats.human(412_300L)).isEqualTo("412 µs");
    assertThat(Stats.human(3_414_000L)).isEqualTo("3.41 ms");
    assertThat(Stats.human(41_400_000L)).isEqualTo("41.4 ms");
    assertThat(Stats.human(632_000_000L)).isEqualTo("632 ms");
    assertThat(Stats.human(1_204_000_000L)).isEqualTo("1.20 s");
  }

  @Test
  void onlyTheGeneratedSectionIsReplaced(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("comparison.md");
    Files.writeString(
        doc,
        "# Title\n\nprose before\n\n"
            + Compare.BEGIN
            + "\n\nold tables\n\n"
            + Compare.END
            + "\n\nprose after\n");

    Compare.write(doc, "new tables\n");

    assertThat(Files.readString(doc))
        .isEqualTo(
            "# Title\n\nprose before\n\n"
                + Compare.BEGIN
                + "\n\nnew tables\n\n"
                + Compare.END
                + "\n\nprose after\n");
  }

  @Test
  void aFileWithoutMarkersGetsTheSectionAppended(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("comparison.md");
    Files.writeString(doc, "# Title\n");

    Compare.write(doc, "tables");

    assertThat(Files.readString(doc))
        .isEqualTo("# Title\n\n" + Compare.BEGIN + "\n\ntables\n\n" + Compare.END + "\n");
  }
}
