package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How in-process tasks of one task-definition family behave: CPU and memory they use, the cost of
 * each request, their answers, health, and whether their essential container exits.
 *
 * @param idleCpuUnits CPU units a RUNNING task uses with no requests (default 0)
 * @param cpuUnitSecondsPerRequest CPU unit-seconds each request costs (default 1: 1024 requests per
 *     second keep one vCPU busy)
 * @param memoryUsedPercent memory used, in percent of the task's reserved memory (default 25, a
 *     fake choice)
 * @param exitAfter the essential container exits this long after it starts, or null (never)
 * @param exitCode its exit code (default 1)
 * @param healthy whether container health checks pass (default true)
 * @param handler the answer to each request (default {@code "200 OK"})
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TaskBehavior(
    double idleCpuUnits,
    double cpuUnitSecondsPerRequest,
    double memoryUsedPercent,
    @Nullable Duration exitAfter,
    int exitCode,
    boolean healthy,
    Function<String, String> handler) {

  /** The default behaviour. */
  public static final TaskBehavior DEFAULT =
      new TaskBehavior(0, 1, 25, null, 1, true, r -> "200 OK");

  /**
   * Validates.
   *
   * @param idleCpuUnits CPU units a RUNNING task uses with no requests (default 0)
   * @param cpuUnitSecondsPerRequest CPU unit-seconds each request costs (default 1: 1024 requests
   *     per second keep one vCPU busy)
   * @param memoryUsedPercent memory used, in percent of the task's reserved memory (default 25, a
   *     fake choice)
   * @param exitAfter the essential container exits this long after it starts, or null (never)
   * @param exitCode its exit code (default 1)
   * @param healthy whether container health checks pass (default true)
   * @param handler the answer to each request (default {@code "200 OK"})
   */
  public TaskBehavior {
    Require.finite("idleCpuUnits", idleCpuUnits);
    Require.finite("cpuUnitSecondsPerRequest", cpuUnitSecondsPerRequest);
    if (idleCpuUnits < 0) Require.between("idleCpuUnits", idleCpuUnits, 0, Double.MAX_VALUE);
    if (cpuUnitSecondsPerRequest < 0)
      Require.between("cpuUnitSecondsPerRequest", cpuUnitSecondsPerRequest, 0, Double.MAX_VALUE);
    Require.between("memoryUsedPercent", memoryUsedPercent, 0, 1000);
    if (exitAfter != null)
      Require.between(
          "exitAfter", Require.notNegative("exitAfter", exitAfter), Duration.ZERO, Require.LONGEST);
    Require.notNull("handler", handler);
  }

  /**
   * This behaviour with another idle CPU.
   *
   * @param units the units
   * @return this behaviour with another idle CPU
   */
  public TaskBehavior withIdleCpuUnits(double units) {
    return new TaskBehavior(
        units, cpuUnitSecondsPerRequest, memoryUsedPercent, exitAfter, exitCode, healthy, handler);
  }

  /**
   * This behaviour with another cost per request.
   *
   * @param cost the cost
   * @return this behaviour with another cost per request
   */
  public TaskBehavior withCpuUnitSecondsPerRequest(double cost) {
    return new TaskBehavior(
        idleCpuUnits, cost, memoryUsedPercent, exitAfter, exitCode, healthy, handler);
  }

  /**
   * This behaviour with another memory use.
   *
   * @param percent the percent
   * @return this behaviour with another memory use
   */
  public TaskBehavior withMemoryUsedPercent(double percent) {
    return new TaskBehavior(
        idleCpuUnits, cpuUnitSecondsPerRequest, percent, exitAfter, exitCode, healthy, handler);
  }

  /**
   * This behaviour with the essential container exiting {@code after} its start.
   *
   * @param after the after
   * @param code the code
   * @return this behaviour with the essential container exiting {@code after} its start
   */
  public TaskBehavior withExit(Duration after, int code) {
    return new TaskBehavior(
        idleCpuUnits, cpuUnitSecondsPerRequest, memoryUsedPercent, after, code, healthy, handler);
  }

  /**
   * This behaviour with passing or failing health checks.
   *
   * @param ok whether health checks pass
   * @return this behaviour with passing or failing health checks
   */
  public TaskBehavior withHealthy(boolean ok) {
    return new TaskBehavior(
        idleCpuUnits,
        cpuUnitSecondsPerRequest,
        memoryUsedPercent,
        exitAfter,
        exitCode,
        ok,
        handler);
  }

  /**
   * This behaviour with another request handler.
   *
   * @param h the request handler
   * @return this behaviour with another request handler
   */
  public TaskBehavior withHandler(Function<String, String> h) {
    return new TaskBehavior(
        idleCpuUnits, cpuUnitSecondsPerRequest, memoryUsedPercent, exitAfter, exitCode, healthy, h);
  }
}
