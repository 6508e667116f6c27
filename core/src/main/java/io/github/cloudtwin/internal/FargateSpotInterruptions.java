package io.github.cloudtwin.internal;

import java.util.List;
import org.apiguardian.api.API;

/** Internal, not API: ECS's Fargate Spot interruptions, offered to {@code twin.faults()}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@FunctionalInterface
public interface FargateSpotInterruptions {

  /**
   * Interrupts Fargate Spot tasks now: the two-minute notice, then the reclaim.
   *
   * @param cluster the cluster's name
   * @param taskIds the tasks, each running on FARGATE_SPOT; all are checked before any is
   *     interrupted
   */
  void interrupt(String cluster, List<String> taskIds);
}
