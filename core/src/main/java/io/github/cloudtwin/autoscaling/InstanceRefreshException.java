package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * An instance refresh call AWS refuses with one of its refresh errors: {@code
 * InstanceRefreshInProgress} (a refresh is already active), {@code ActiveInstanceRefreshNotFound}
 * (nothing to cancel or roll back) or {@code IrreversibleInstanceRefresh} (a rollback without a
 * desired configuration, or to a {@code $Latest} / {@code $Default} version). The message starts
 * with the code.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class InstanceRefreshException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** AWS's code for a refresh that is already active. */
  public static final String IN_PROGRESS = "InstanceRefreshInProgress";

  /** AWS's code for a cancel or rollback with no active refresh. */
  public static final String NOT_FOUND = "ActiveInstanceRefreshNotFound";

  /** AWS's code for a refresh that cannot be rolled back. */
  public static final String IRREVERSIBLE = "IrreversibleInstanceRefresh";

  /** AWS's error code. */
  private final String code;

  /**
   * Creates the error.
   *
   * @param code one of the codes above
   * @param message what happened, for the group named
   */
  public InstanceRefreshException(String code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  /** {@return AWS's error code, such as {@code InstanceRefreshInProgress}} */
  public String code() {
    return code;
  }
}
