package io.github.cloudtwin.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.util.function.Consumer;

/** Runs an imported estate and a hand-built one side by side and compares their timelines. */
final class Estates {

  static final long SEED = 7;

  private Estates() {}

  /** A twin with the test seed. */
  static CloudTwin twin() {
    return CloudTwin.builder().seed(SEED).build();
  }

  /**
   * Builds both estates in fresh twins of one seed, drives both with {@code story}, and asserts
   * byte-identical timelines. Returns the imported twin for further assertions.
   */
  static CloudTwin assertSameTimeline(
      Consumer<CloudTwin> imported, Consumer<CloudTwin> built, Consumer<CloudTwin> story) {
    CloudTwin a = twin();
    imported.accept(a);
    story.accept(a);
    CloudTwin b = twin();
    built.accept(b);
    story.accept(b);
    String ta = a.timeline().text();
    String tb = b.timeline().text();
    assertThat(ta)
        .as("timeline of the imported estate vs the one built with builders")
        .isEqualTo(tb);
    return a;
  }

  /** How many timeline events of {@code kind} mention {@code text}. */
  static long count(CloudTwin twin, String kind, String text) {
    return twin.timeline().events().stream()
        .filter(e -> e.kind().equals(kind) && message(e).contains(text))
        .count();
  }

  private static String message(TimelineEvent e) {
    return e.message();
  }
}
