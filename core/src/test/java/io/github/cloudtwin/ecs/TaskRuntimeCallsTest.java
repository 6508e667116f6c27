package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.spi.TaskRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the twin tells a task runtime ({@link TaskRuntime}, the SPI a Testcontainers runtime
 * implements): start a task when it is PENDING (the ECS agent pulls and starts the containers,
 * "Amazon ECS task lifecycle"), stop every task it started and only those, once, pause a task while
 * its host is unreachable and resume it after, and pause at once a task that reaches RUNNING while
 * its host is unreachable.
 */
class TaskRuntimeCallsTest {

  /** Records each call as "call" in order. */
  private static final class Recording implements TaskRuntime {
    final List<String> calls = new ArrayList<>();

    @Override
    public void start(Task task, Agent agent) {
      calls.add("start");
    }

    @Override
    public void running(Task task) {
      calls.add("running");
    }

    @Override
    public void stop(Task task) {
      calls.add("stop");
    }

    @Override
    public void pause(Task task) {
      calls.add("pause");
    }

    @Override
    public void resume(Task task) {
      calls.add("resume");
    }
  }

  private final EcsFixture f = new EcsFixture();
  private final Recording runtime = new Recording();

  private Task runBridgeTask() {
    f.taskDef("web", 256, 256);
    f.twin.taskRuntimeSlot().use(runtime);
    return f.ecs.runTask(f.cluster, "web", 1, LaunchType.EC2).tasks().get(0);
  }

  private void untilStopped(Task t) {
    f.twin.advanceUntil(() -> t.lastStatus() == TaskStatus.STOPPED, Duration.ofMinutes(2));
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.STOPPED);
  }

  @Test
  void aTaskStoppedWhilePendingIsStartedAndStoppedOnce() {
    f.instances("m5.large", "a");
    Task t = runBridgeTask();
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.PENDING);
    f.ecs.stopTask(f.cluster, t.taskId(), null);
    untilStopped(t);
    assertThat(runtime.calls).containsExactly("start", "stop");
  }

  @Test
  void anAwsvpcTaskStoppedWhileItsEniAttachesWasNeverStartedSoIsNotStopped() {
    f.instances("m5.large", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("vpc")
            .networkMode(NetworkMode.AWSVPC)
            .container(ContainerDefinition.builder("app", "nginx").cpu(256).memory(256).build())
            .build());
    f.twin.taskRuntimeSlot().use(runtime);
    Task t = f.ecs.runTask(f.cluster, "vpc", 1, LaunchType.EC2).tasks().get(0);
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.PROVISIONING);
    f.ecs.stopTask(f.cluster, t.taskId(), null);
    untilStopped(t);
    assertThat(runtime.calls).isEmpty();
  }

  @Test
  void aRunningTaskIsToldItRunsAndIsStoppedOnceWhenStopped() {
    f.instances("m5.large", "a");
    Task t = runBridgeTask();
    f.advance(Duration.ofMinutes(1));
    assertThat(runtime.calls).containsExactly("start", "running");
    f.ecs.stopTask(f.cluster, t.taskId(), null);
    untilStopped(t);
    assertThat(runtime.calls).containsExactly("start", "running", "stop");
  }

  @Test
  void aTaskWhoseHostIsTerminatedIsStoppedOnce() {
    List<ContainerInstance> ci = f.instances("m5.large", "a");
    Task t = runBridgeTask();
    f.advance(Duration.ofMinutes(1));
    f.twin.ec2().terminateInstance(ci.get(0).ec2InstanceId());
    untilStopped(t);
    f.advance(Duration.ofMinutes(2));
    assertThat(runtime.calls).containsExactly("start", "running", "stop");
  }

  @Test
  void aRunningTaskIsPausedWhileItsHostIsUnreachableAndResumedAfter() {
    f.instances("m5.large", "a");
    Task t = runBridgeTask();
    f.advance(Duration.ofMinutes(1));
    f.twin.faults().failZone("us-east-1a");
    assertThat(t.isPaused()).isTrue();
    f.advance(Duration.ofMinutes(1));
    f.twin.faults().restoreZone("us-east-1a");
    assertThat(t.isPaused()).isFalse();
    f.advance(Duration.ofMinutes(1));
    assertThat(runtime.calls).containsExactly("start", "running", "pause", "resume");
  }

  @Test
  void aTaskThatReachesRunningWhileItsHostIsUnreachableIsPausedAtOnce() {
    f.instances("m5.large", "a");
    Task t = runBridgeTask();
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.PENDING);
    f.twin.faults().failZone("us-east-1a");
    assertThat(runtime.calls).as("a PENDING task is not paused").containsExactly("start");
    f.twin.advanceUntil(() -> t.lastStatus() == TaskStatus.RUNNING, Duration.ofMinutes(1));
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
    assertThat(runtime.calls).containsExactly("start", "pause", "running");
    f.twin.faults().restoreZone("us-east-1a");
    assertThat(runtime.calls).containsExactly("start", "pause", "running", "resume");
  }
}
