package io.github.cloudtwin.awssdk.internal.ecs;

import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations.Described;
import io.github.cloudtwin.ecs.LaunchType;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Failure;

/**
 * The small mappings every ECS operation shares: failures, launch types, ECS's
 * InvalidParameterException.
 */
final class EcsValues {

  private EcsValues() {}

  static List<Failure> failures(Described<?> d) {
    return d.failures().stream()
        .map(f -> Failure.builder().arn(f.arn()).reason(f.reason()).detail(f.detail()).build())
        .toList();
  }

  static LaunchType launchType(String s) {
    try {
      return LaunchType.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedOperationException(
          "Launch type " + s + " is not simulated by CloudTwin (EC2 and FARGATE are)");
    }
  }

  static AwsErrorException invalid(String message) {
    return AwsErrorException.badRequest("InvalidParameterException", message);
  }
}
