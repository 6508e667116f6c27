package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.ecs.Task;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which zones are impaired, as the timeline's zone facts tell it, and so which tasks' containers
 * must be paused: those in an impaired zone and those whose host is unreachable. Guarded by the
 * simulation lock.
 */
final class ZoneImpairments {

  private final Set<String> impaired = new LinkedHashSet<>();

  /** Records that {@code zone} is impaired (at install, for a zone that already is). */
  void impaired(String zone) {
    impaired.add(zone);
  }

  /**
   * {@return whether the containers of a task in {@code zone} (null when it has none) must be
   * paused}
   */
  boolean unreachable(@Nullable String zone, TaskContainers tc) {
    return tc.hostUnreachable || (zone != null && impaired.contains(zone));
  }

  /**
   * Records that {@code zone} became impaired or was restored, and pauses or resumes the containers
   * of {@code tasks} in it (a restored zone's task whose host is still unreachable stays paused).
   */
  void zoneChanged(String zone, boolean isImpaired, Map<Task, TaskContainers> tasks) {
    if (isImpaired) impaired.add(zone);
    else impaired.remove(zone);
    for (Map.Entry<Task, TaskContainers> t : tasks.entrySet()) {
      String taskZone = t.getKey().availabilityZone();
      if (!zone.equals(taskZone)) continue;
      if (isImpaired) t.getValue().pauseAll();
      else if (!unreachable(taskZone, t.getValue())) t.getValue().unpauseAll();
    }
  }
}
