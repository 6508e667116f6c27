package io.github.cloudtwin.await;

import static io.github.cloudtwin.assertj.error.TimelineSlice.offset;
import static io.github.cloudtwin.assertj.error.TimelineSlice.shortText;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.assertj.error.TimelineSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The messages of a {@link VirtualTimeoutError}: out of time, or fulfilled before {@code atLeast}.
 * Both end with the slice of the timeline the wait covered (its events and their causes).
 */
final class AwaitTimeoutMessage {

  private AwaitTimeoutMessage() {}

  static String timedOut(
      CloudTwin twin,
      AwaitSettings s,
      Instant start,
      @Nullable String lastFailure,
      ConditionPoller.@Nullable Hold longest) {
    Instant t0 = twin.timeline().t0();
    StringBuilder sb = expecting(s);
    sb.append("but it ")
        .append(s.during() == null ? "was not" : "did not")
        .append(", from ")
        .append(offset(t0, start))
        .append(" to ")
        .append(offset(t0, twin.now()));
    if (s.during() != null) {
      if (longest == null) {
        sb.append(": it never held");
      } else if (longest.from().equals(longest.to())) {
        sb.append(": it held at single evaluations only (the last at ")
            .append(offset(t0, longest.to()))
            .append(')');
      } else {
        sb.append(": the longest it held was ")
            .append(shortText(longest.length()))
            .append(" (from ")
            .append(offset(t0, longest.from()))
            .append(" to ")
            .append(offset(t0, longest.to()))
            .append(')');
      }
    }
    sb.append(".\n");
    quote(sb, "Last failure:", lastFailure);
    return end(sb, twin, start);
  }

  static String tooEarly(CloudTwin twin, AwaitSettings s, Instant start, String outcome) {
    Instant t0 = twin.timeline().t0();
    Duration elapsed = Duration.between(start, twin.now());
    StringBuilder sb = expecting(s);
    sb.append("but it was fulfilled after ")
        .append(shortText(elapsed))
        .append(" (at ")
        .append(offset(t0, twin.now()))
        .append("): the condition was evaluated in ")
        .append(shortText(elapsed))
        .append(" which is earlier than expected (atLeast ")
        .append(
            shortText(Objects.requireNonNull(s.atLeast(), "a wait is too early only with atLeast")))
        .append(").\n");
    quote(sb, "At that evaluation:", outcome);
    return end(sb, twin, start);
  }

  private static StringBuilder expecting(AwaitSettings s) {
    StringBuilder sb = new StringBuilder("Expecting ");
    sb.append(s.alias() == null ? "the condition" : "condition \"" + s.alias() + "\"");
    sb.append(s.during() == null ? " to be fulfilled" : " to hold for " + shortText(s.during()));
    if (s.atLeast() != null) {
      sb.append(" no earlier than ").append(shortText(s.atLeast())).append(" and");
    }
    sb.append(" within ").append(shortText(s.atMost())).append(" (virtual time, ");
    if (!s.pollDelay().isZero()) {
      sb.append("first evaluated after ").append(shortText(s.pollDelay())).append(", ");
    }
    return sb.append("polled every ").append(shortText(s.pollInterval())).append(")\n");
  }

  private static void quote(StringBuilder sb, String title, @Nullable String text) {
    if (text != null && !text.isEmpty()) {
      sb.append(title).append('\n');
      for (String line : text.strip().split("\n", -1)) {
        sb.append("  ").append(line).append('\n');
      }
    }
  }

  private static String end(StringBuilder sb, CloudTwin twin, Instant start) {
    sb.append(TimelineSlice.of(twin.timeline(), e -> !e.time().isBefore(start)));
    return sb.toString().stripTrailing();
  }
}
