package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.TwinClosedException;
import io.github.cloudtwin.spi.TaskRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An extension puts its task runtime in through the SPI slot ({@code twin.taskRuntimeSlot()}), not
 * through the ECS facade: tasks started from then on start on it, and from then on it is the
 * runtime ECS tells of every stop (a runtime hands on the calls for tasks it did not start, as the
 * container runtime does).
 */
class TaskRuntimeSlotTest {

  /** Records what it is told and hands every call on to the in-process runtime. */
  static final class Recording implements TaskRuntime {
    final TaskRuntime delegate;
    final List<String> calls = new ArrayList<>();

    Recording(TaskRuntime delegate) {
      this.delegate = delegate;
    }

    @Override
    public void start(Task task, Agent agent) {
      calls.add("start " + task.taskId());
      delegate.start(task, agent);
    }

    @Override
    public void stop(Task task) {
      calls.add("stop " + task.taskId());
      delegate.stop(task);
    }
  }

  @Test
  void tasksStartedAfterTheSlotTakesARuntimeStartOnIt() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.large", "a");
    f.taskDef("old", 128, 128);
    f.taskDef("new", 128, 128);
    Task old = f.ecs.runTask(f.cluster, "old", 1, LaunchType.EC2).tasks().get(0);
    f.advance(Duration.ofMinutes(1));
    assertThat(f.twin.taskRuntimeSlot().inUse()).isSameAs(f.ecs.inProcessRuntime());

    Recording recording = new Recording(f.ecs.inProcessRuntime());
    f.twin.taskRuntimeSlot().use(recording);
    assertThat(f.ecs.taskRuntime()).isSameAs(recording);
    assertThat(f.twin.taskRuntimeSlot().inUse()).isSameAs(recording);
    Task fresh = f.ecs.runTask(f.cluster, "new", 1, LaunchType.EC2).tasks().get(0);
    f.advance(Duration.ofMinutes(1));
    f.ecs.stopTask(f.cluster, old.taskId(), "done");
    f.ecs.stopTask(f.cluster, fresh.taskId(), "done");
    f.advance(Duration.ofMinutes(1));

    assertThat(fresh.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(recording.calls.get(0)).isEqualTo("start " + fresh.taskId());
    assertThat(recording.calls.subList(1, recording.calls.size()))
        .containsExactlyInAnyOrder("stop " + old.taskId(), "stop " + fresh.taskId());
  }

  @Test
  void aClosedTwinRefusesANewRuntime() {
    EcsFixture f = new EcsFixture();
    TaskRuntime inProcess = f.ecs.inProcessRuntime();
    f.twin.close();
    assertThatThrownBy(() -> f.twin.taskRuntimeSlot().use(new Recording(inProcess)))
        .isInstanceOf(TwinClosedException.class);
  }
}
