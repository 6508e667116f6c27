package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every lastStatus change reaches the listeners, after it is on the timeline. */
class TaskStateListenerTest {

  @Test
  void aListenerSeesEveryTransitionFromProvisioningToStoppedInTimelineOrder() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.large", "a");
    f.taskDef("web", 256, 256);
    List<String> seen = new ArrayList<>();
    f.ecs.addTaskStateListener((t, from, to) -> seen.add(from + " -> " + to));
    Task t = f.ecs.runTask(f.cluster, "web", 1, LaunchType.EC2).tasks().get(0);
    f.advance(Duration.ofMinutes(1));
    f.ecs.stopTask(f.cluster, t.taskId(), "done");
    f.advance(Duration.ofMinutes(1));
    List<String> onTimeline = new ArrayList<>();
    for (TimelineEvent e : f.twin.timeline().eventsOf("task/" + t.taskId())) {
      if (e.kind().equals("state")) onTimeline.add(e.message());
    }
    onTimeline.add(seen.get(seen.size() - 1)); // the final STOPPED is recorded as kind "stopped"
    assertThat(seen).first().isEqualTo("PROVISIONING -> PENDING");
    assertThat(seen).last().asString().endsWith("-> STOPPED");
    assertThat(seen).isEqualTo(onTimeline);
  }
}
