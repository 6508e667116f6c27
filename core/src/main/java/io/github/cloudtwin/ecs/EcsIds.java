package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Hex;
import java.util.SplittableRandom;

/**
 * The ids ECS hands out (task and container instance ids, deployment ids), drawn in call order from
 * the twin's seeded stream {@code ecs.ids}, so a seed gives the same ids every run.
 */
final class EcsIds {

  private final SplittableRandom ids;

  EcsIds(SplittableRandom ids) {
    this.ids = ids;
  }

  /** {@return a new 32-hex-digit id (tasks, container instances)} */
  String hex32() {
    return Hex.append(Hex.append(new StringBuilder(32), ids.nextLong(), 16), ids.nextLong(), 16)
        .toString();
  }

  /** {@return a new deployment id, {@code ecs-svc/} and 19 digits} */
  String deploymentId() {
    long v = ids.nextLong() & Long.MAX_VALUE;
    return "ecs-svc/" + Hex.zeroPadded(v, 19);
  }
}
