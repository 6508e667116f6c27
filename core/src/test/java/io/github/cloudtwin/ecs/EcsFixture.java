package io.github.cloudtwin.ecs;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers: a twin with a cluster and container instances launched in chosen zones. */
final class EcsFixture {

  final CloudTwin twin;
  final Ecs ecs;
  final String cluster;

  EcsFixture(long seed) {
    this.twin = CloudTwin.builder().seed(seed).build();
    this.ecs = twin.ecs();
    this.cluster = "prod";
    ecs.createCluster(cluster);
  }

  EcsFixture() {
    this(42);
  }

  /**
   * Launches instances of {@code type} in the zones given (letters a, b, c), boots and registers
   * them.
   */
  List<ContainerInstance> instances(String type, String... zoneLetters) {
    List<Instance> launched = new ArrayList<>();
    for (String z : zoneLetters) {
      launched.add(
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .instanceType(type)
                      .availabilityZone("us-east-1" + z)
                      .build()));
    }
    twin.advance(InstanceSpec.DEFAULT_BOOT_TIME);
    List<ContainerInstance> out = new ArrayList<>();
    for (Instance i : launched) out.add(ecs.registerContainerInstance(cluster, i.instanceId()));
    return out;
  }

  /** A bridge task definition with one essential container. */
  TaskDefinition taskDef(String family, int cpu, int memory) {
    return ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder(family)
            .container(
                ContainerDefinition.builder("app", "nginx:1.27")
                    .cpu(cpu)
                    .memory(memory)
                    .portMapping(80)
                    .build())
            .build());
  }

  /** Tasks of the service per zone (live tasks only), sorted by zone. */
  Map<String, Integer> perZone(EcsService s) {
    Map<String, Integer> m = new TreeMap<>();
    for (Task t : s.tasks())
      if (t.desiredStatus() == TaskStatus.RUNNING) m.merge(t.availabilityZone(), 1, Integer::sum);
    return m;
  }

  /** Tasks of the service per EC2 instance id (live tasks only). */
  Map<String, Integer> perInstance(EcsService s) {
    Map<String, Integer> m = new TreeMap<>();
    for (Task t : s.tasks())
      if (t.desiredStatus() == TaskStatus.RUNNING) m.merge(t.ec2InstanceId(), 1, Integer::sum);
    return m;
  }

  void advance(Duration d) {
    twin.advance(d);
  }
}
