package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UuidsTest {

  private static List<String> first(int n, long seed) {
    Uuids ids = new Uuids(new SplittableRandom(seed));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(ids.next());
    return out;
  }

  @Test
  void idsAreShapedLikeVersion4UuidsWithTheRfcVariant() {
    for (String id : first(200, 7)) {
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
  }

  @Test
  void theSameSeedGivesTheSameIdsInTheSameOrderAndAnotherSeedOthers() {
    List<String> a = first(50, 7);
    assertThat(first(50, 7)).isEqualTo(a);
    assertThat(first(50, 8)).doesNotContainAnyElementsOf(a);
  }

  @Test
  void successiveIdsDiffer() {
    assertThat(new HashSet<>(first(1_000, 7))).hasSize(1_000);
  }
}
