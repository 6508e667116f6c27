package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A container health check, with ECS's defaults and limits.
 *
 * @param command such as {@code ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}
 * @param interval 5-300 s, default 30 s
 * @param timeout 2-60 s, default 5 s
 * @param retries 1-10, default 3
 * @param startPeriod 0-300 s, default 0: failures in this period do not count
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record HealthCheck(
    List<String> command, Duration interval, Duration timeout, int retries, Duration startPeriod) {

  /**
   * Validates.
   *
   * @param command such as {@code ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}
   * @param interval 5-300 s, default 30 s
   * @param timeout 2-60 s, default 5 s
   * @param retries 1-10, default 3
   * @param startPeriod 0-300 s, default 0: failures in this period do not count
   */
  public HealthCheck {
    Require.notNull("healthCheck.command", command);
    if (command.isEmpty()) {
      throw new ValidationException(
          "healthCheck.command", command, "a non-empty command such as [CMD-SHELL, ...]");
    }
    command = List.copyOf(command);
    Require.seconds("healthCheck.interval", interval, 5, 300);
    Require.seconds("healthCheck.timeout", timeout, 2, 60);
    Require.between("healthCheck.retries", retries, 1, 10);
    Require.seconds("healthCheck.startPeriod", startPeriod, 0, 300);
  }

  /**
   * A health check running {@code command} with the defaults (30 s, 5 s, 3 retries, no start
   * period).
   *
   * @param command the command
   * @return a health check running {@code command} with the defaults (30 s, 5 s, 3 retries, no
   *     start period)
   */
  public static HealthCheck of(String... command) {
    return new HealthCheck(
        Require.elements("healthCheck.command", command),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        3,
        Duration.ZERO);
  }

  /**
   * This check with another interval.
   *
   * @param interval the interval
   * @return this check with another interval
   */
  public HealthCheck withInterval(Duration interval) {
    return new HealthCheck(command, interval, timeout, retries, startPeriod);
  }

  /**
   * This check with another retry count.
   *
   * @param retries the retries
   * @return this check with another retry count
   */
  public HealthCheck withRetries(int retries) {
    return new HealthCheck(command, interval, timeout, retries, startPeriod);
  }

  /**
   * This check with another start period.
   *
   * @param startPeriod the start period
   * @return this check with another start period
   */
  public HealthCheck withStartPeriod(Duration startPeriod) {
    return new HealthCheck(command, interval, timeout, retries, startPeriod);
  }
}
