package io.github.cloudtwin.assertj;

import org.assertj.core.api.WritableAssertionInfo;
import org.assertj.core.error.ErrorMessageFactory;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * The failure of an assertion that compares two values: an opentest4j {@link AssertionFailedError}
 * carrying expected and actual, so IDEs and build tools show the difference, with CloudTwin's full
 * message (description, explanation, timeline slice). Honours {@code withFailMessage}.
 */
final class EqualityFailure {

  private EqualityFailure() {}

  static AssertionError of(
      WritableAssertionInfo info,
      ErrorMessageFactory message,
      @Nullable Object expected,
      @Nullable Object actual) {
    String text =
        info.overridingErrorMessage() != null
            ? info.overridingErrorMessage()
            : message.create(info.description(), info.representation());
    return new AssertionFailedError(text, expected, actual);
  }
}
