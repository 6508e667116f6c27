package io.github.cloudtwin.await;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.assertj.error.TimelineSlice;
import java.time.Duration;
import java.time.Instant;

/** The message of a {@link VirtualTimeoutError}; one factory for this failure kind. */
final class AwaitTimeoutMessage {

  private AwaitTimeoutMessage() {}

  static String create(
      CloudTwin twin, String alias, Duration atMost, Duration pollInterval, Instant start, String lastFailure) {
    Instant t0 = twin.timeline().t0();
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting ").append(alias == null ? "the condition" : "condition \"" + alias + "\"")
        .append(" to be fulfilled within ").append(TimelineSlice.shortText(atMost))
        .append(" (virtual time, polled every ").append(TimelineSlice.shortText(pollInterval)).append(")\n");
    sb.append("but it was not, from ").append(TimelineSlice.offset(t0, start)).append(" to ")
        .append(TimelineSlice.offset(t0, twin.now())).append(".\n");
    if (lastFailure != null && !lastFailure.isEmpty()) {
      sb.append("Last failure:\n");
      for (String line : lastFailure.strip().split("\n", -1)) {
        sb.append("  ").append(line).append('\n');
      }
    }
    sb.append(TimelineSlice.last(twin.timeline()));
    return sb.toString().stripTrailing();
  }
}
