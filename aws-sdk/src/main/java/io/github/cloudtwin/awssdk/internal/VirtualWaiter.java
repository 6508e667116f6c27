package io.github.cloudtwin.awssdk.internal;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.internal.waiters.ResponseOrException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;

/**
 * One SDK waiter on the twin's virtual clock: it polls, matches AWS's acceptors for the waiter
 * (from the service's waiter definitions: delay, max attempts, success, failure and retry rules),
 * and between attempts advances the twin by the delay instead of sleeping. A wait of ten virtual
 * minutes takes milliseconds. {@code maxAttempts} and {@code waitTimeout} of a {@link
 * WaiterOverrideConfiguration} apply, the timeout in virtual time; the delay is the waiter's own.
 *
 * @param <T> the polled response type
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class VirtualWaiter<T> {

  /** What an acceptor decides. */
  public enum Match {
    /** The wait is over: return the response (or matched error). */
    SUCCESS,
    /** The wait failed: throw. */
    FAILURE,
    /** Poll again. */
    RETRY
  }

  /** One acceptor: a decision for a response or an error, or null when it does not match. */
  @FunctionalInterface
  public interface Acceptor<T> {
    /** The decision, or null; exactly one of {@code response} and {@code error} is non-null. */
    @Nullable Match match(@Nullable T response, @Nullable AwsServiceException error);
  }

  private final CloudTwin twin;
  private final Duration delay;
  private final int maxAttempts;
  private final List<Acceptor<T>> acceptors;

  /** A waiter polling every {@code delay} of virtual time, at most {@code maxAttempts} times. */
  public VirtualWaiter(
      CloudTwin twin, Duration delay, int maxAttempts, List<Acceptor<T>> acceptors) {
    this.twin = twin;
    this.delay = delay;
    this.maxAttempts = maxAttempts;
    this.acceptors = List.copyOf(acceptors);
  }

  /**
   * Waits: polls with {@code poll} until an acceptor decides, advancing virtual time in between.
   */
  public WaiterResponse<T> run(Supplier<T> poll, @Nullable WaiterOverrideConfiguration override) {
    int max = override == null ? maxAttempts : override.maxAttempts().orElse(maxAttempts);
    Duration timeout = override == null ? null : override.waitTimeout().orElse(null);
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      T response = null;
      AwsServiceException error = null;
      try {
        response = poll.get();
      } catch (AwsServiceException e) {
        error = e;
      }
      Match m = null;
      for (Acceptor<T> a : acceptors) {
        m = a.match(response, error);
        if (m != null) break;
      }
      if (m == null && error != null) {
        throw SdkClientException.create(
            "An exception was thrown and did not match any waiter acceptors", error);
      }
      if (m == Match.SUCCESS) {
        ResponseOrException<T> matched =
            error == null
                ? ResponseOrException.response(response)
                : ResponseOrException.exception(error);
        int attempts = attempt;
        return new WaiterResponse<>() {
          @Override
          public ResponseOrException<T> matched() {
            return matched;
          }

          @Override
          public int attemptsExecuted() {
            return attempts;
          }

          @Override
          public String toString() {
            return "WaiterResponse["
                + attempts
                + " attempts, "
                + (matched.response().isPresent() ? "response" : "exception")
                + "]";
          }
        };
      }
      if (m == Match.FAILURE) {
        throw SdkClientException.create(
            "A waiter acceptor was matched and transitioned the waiter to failure state", error);
      }
      if (attempt >= max) {
        throw SdkClientException.create("The waiter has exceeded the max retry attempts: " + max);
      }
      if (timeout != null && waited.plus(delay).compareTo(timeout) > 0) {
        throw SdkClientException.create(
            "The waiter has exceeded the max wait time or the next retry will exceed the"
                + " max wait time + "
                + timeout
                + " (virtual time)");
      }
      twin.advance(delay);
      waited = waited.plus(delay);
    }
  }

  /** The async form: the same wait, answered as a completed future. */
  public static <R> CompletableFuture<WaiterResponse<R>> async(Supplier<WaiterResponse<R>> wait) {
    try {
      return CompletableFuture.completedFuture(wait.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Whether {@code error} carries {@code code}. */
  public static boolean hasCode(@Nullable AwsServiceException error, String code) {
    return error != null
        && error.awsErrorDetails() != null
        && code.equals(error.awsErrorDetails().errorCode());
  }
}
