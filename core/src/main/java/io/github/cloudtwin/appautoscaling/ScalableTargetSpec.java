package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;

/**
 * What {@code RegisterScalableTarget} takes, for an ECS service.
 *
 * @param serviceNamespace {@code ecs}
 * @param resourceId {@code service/<cluster>/<service>}
 * @param scalableDimension {@code ecs:service:DesiredCount}
 * @param minCapacity MinCapacity (0 or more)
 * @param maxCapacity MaxCapacity (at least MinCapacity)
 * @param dynamicScalingInSuspended suspends scale-in by policies
 * @param dynamicScalingOutSuspended suspends scale-out by policies
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ScalableTargetSpec(
    String serviceNamespace,
    String resourceId,
    String scalableDimension,
    int minCapacity,
    int maxCapacity,
    boolean dynamicScalingInSuspended,
    boolean dynamicScalingOutSuspended) {

  /**
   * Validates.
   *
   * @param serviceNamespace {@code ecs}
   * @param resourceId {@code service/<cluster>/<service>}
   * @param scalableDimension {@code ecs:service:DesiredCount}
   * @param minCapacity MinCapacity (0 or more)
   * @param maxCapacity MaxCapacity (at least MinCapacity)
   * @param dynamicScalingInSuspended suspends scale-in by policies
   * @param dynamicScalingOutSuspended suspends scale-out by policies
   */
  public ScalableTargetSpec {
    Require.oneOf("ServiceNamespace", serviceNamespace, java.util.List.of("ecs"));
    Require.name("ResourceId", resourceId);
    if (!resourceId.matches("service/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+")) {
      throw new ValidationException("ResourceId", resourceId, "service/<cluster>/<service>");
    }
    Require.oneOf(
        "ScalableDimension", scalableDimension, java.util.List.of("ecs:service:DesiredCount"));
    Require.notNegative("MinCapacity", minCapacity);
    Require.notNegative("MaxCapacity", maxCapacity);
    if (maxCapacity < minCapacity) {
      throw new ValidationException(
          "MaxCapacity",
          maxCapacity,
          "at least MinCapacity (" + minCapacity + ")",
          "Minimum capacity cannot be greater than maximum capacity");
    }
  }

  /**
   * An ECS service target {@code service/<cluster>/<service>} with min and max.
   *
   * @param cluster the cluster
   * @param service the service
   * @param minCapacity the min capacity
   * @param maxCapacity the max capacity
   * @return an ECS service target {@code service/<cluster>/<service>} with min and max
   */
  public static ScalableTargetSpec ecsService(
      String cluster, String service, int minCapacity, int maxCapacity) {
    return new ScalableTargetSpec(
        "ecs",
        "service/" + cluster + "/" + service,
        "ecs:service:DesiredCount",
        minCapacity,
        maxCapacity,
        false,
        false);
  }

  /**
   * This target with scale-in and/or scale-out suspended.
   *
   * @param scaleIn the scale in
   * @param scaleOut the scale out
   * @return this target with scale-in and/or scale-out suspended
   */
  public ScalableTargetSpec withSuspended(boolean scaleIn, boolean scaleOut) {
    return new ScalableTargetSpec(
        serviceNamespace,
        resourceId,
        scalableDimension,
        minCapacity,
        maxCapacity,
        scaleIn,
        scaleOut);
  }

  String cluster() {
    return resourceId.split("/")[1];
  }

  String service() {
    return resourceId.split("/")[2];
  }
}
