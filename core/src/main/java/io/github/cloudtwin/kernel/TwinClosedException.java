package io.github.cloudtwin.kernel;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A call on a twin after {@code close()}: every command and every read of live state refuses with
 * this one error. The timeline, the configuration and the clock stay readable: they are history,
 * which failure reports need after the twin is gone.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TwinClosedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient Instant closedAt;

  /**
   * Creates the exception for a twin closed at virtual time {@code closedAt}.
   *
   * @param closedAt when the twin was closed
   */
  public TwinClosedException(Instant closedAt) {
    super("This CloudTwin was closed at virtual time " + closedAt + "; build a new one.");
    this.closedAt = closedAt;
  }

  /** {@return the virtual instant at which the twin was closed} */
  public Instant closedAt() {
    return closedAt;
  }
}
