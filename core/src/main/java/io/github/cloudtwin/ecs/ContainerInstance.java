package io.github.cloudtwin.ecs;

import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.kernel.Arns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A live view of a container instance: an EC2 instance whose ECS agent registered it with a
 * cluster. Registered CPU is 1024 units per vCPU; registered memory is nominal minus 3 % (a fake
 * choice: AWS registers what the OS reports). Read again to see current values.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ContainerInstance {

  /** Host ports the agent reserves by default. */
  static final Set<Integer> RESERVED_PORTS = Set.of(22, 2375, 2376, 51678, 51679, 51680);

  /** First port of the ephemeral range for dynamic host ports. */
  static final int EPHEMERAL_FIRST = 49153;

  private final String id;
  private final String arn;
  private final String clusterName;
  private final Instance instance;
  private final int registeredCpu;
  private final int registeredMemory;
  private final Instant registeredAt;
  private final Map<String, String> attributes = new TreeMap<>();
  private final TreeSet<Integer> portsInUse = new TreeSet<>();

  /** Tasks placed here (recently stopped ones too); mutated on the simulation thread only. */
  final Set<Task> tasks = Collections.synchronizedSet(new LinkedHashSet<>());

  private volatile ContainerInstanceStatus status = ContainerInstanceStatus.ACTIVE;
  private volatile boolean agentConnected = true;
  private int usedCpu;
  private int usedMemory;
  private int enisInUse;
  final int maxTaskEnis;
  @Nullable String capacityProviderName;

  ContainerInstance(
      String id,
      Arns arns,
      String clusterName,
      Instance instance,
      Map<String, String> custom,
      Instant at) {
    this.id = id;
    this.arn = arns.of("ecs", "container-instance/" + clusterName + "/" + id);
    this.clusterName = clusterName;
    this.instance = instance;
    this.registeredCpu = instance.instanceType().cpuUnits();
    this.registeredMemory = registeredMemory(instance.instanceType());
    this.registeredAt = at;
    this.maxTaskEnis = maxEnis(instance.instanceType()) - 1;
    attributes.put("ecs.availability-zone", instance.availabilityZone());
    attributes.put("ecs.instance-type", instance.instanceType().name());
    attributes.put("ecs.os-type", "linux");
    attributes.put("ecs.os-family", "LINUX");
    attributes.put("ecs.cpu-architecture", "x86_64");
    attributes.put("ecs.ami-id", "ami-0fake0ecs0optimized");
    attributes.putAll(custom);
  }

  /** Registered memory for a type: nominal minus 3 %, rounded down (a fake choice). */
  static int registeredMemory(InstanceType type) {
    return (int) Math.floor(type.memoryMiB() * 0.97);
  }

  /** ENIs of an instance type (an approximation of EC2's table; see docs/ecs.md). */
  static int maxEnis(InstanceType type) {
    String n = type.name();
    if (n.equals("t3.nano") || n.equals("t3.micro")) return 2;
    int v = type.vCpus();
    if (v <= 2) return 3;
    if (v <= 8) return 4;
    if (v <= 48) return 8;
    return 15;
  }

  /** {@return the container instance id (32 hex digits)} */
  public String containerInstanceId() {
    return id;
  }

  /** {@return the ARN} */
  public String containerInstanceArn() {
    return arn;
  }

  /** {@return the cluster it is registered with} */
  public String clusterName() {
    return clusterName;
  }

  /** {@return the EC2 instance id} */
  public String ec2InstanceId() {
    return instance.instanceId();
  }

  /** {@return the EC2 instance (live view)} */
  public Instance instance() {
    return instance;
  }

  /** {@return the zone} */
  public String availabilityZone() {
    return instance.availabilityZone();
  }

  /** {@return ACTIVE, DRAINING or INACTIVE} */
  public ContainerInstanceStatus status() {
    return status;
  }

  /**
   * {@return whether the agent is connected (false while the instance is stopped, crashed or cut
   * off)}
   */
  public boolean agentConnected() {
    return agentConnected;
  }

  /** {@return registered CPU units: 1024 per vCPU} */
  public int registeredCpu() {
    return registeredCpu;
  }

  /** {@return registered memory in MiB} */
  public int registeredMemory() {
    return registeredMemory;
  }

  /** {@return CPU units not reserved by tasks} */
  public int remainingCpu() {
    return registeredCpu - usedCpu;
  }

  /** {@return memory (MiB) not reserved by tasks} */
  public int remainingMemory() {
    return registeredMemory - usedMemory;
  }

  /** {@return host ports in use by tasks, ascending (the agent's reserved ports are not listed)} */
  public List<Integer> portsInUse() {
    synchronized (portsInUse) {
      return List.copyOf(portsInUse);
    }
  }

  /**
   * {@return the attributes: ecs.availability-zone, ecs.instance-type, ecs.os-type, ... and custom
   * ones}
   */
  public Map<String, String> attributes() {
    synchronized (attributes) {
      return Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
  }

  /** {@return when it registered} */
  public Instant registeredAt() {
    return registeredAt;
  }

  /** {@return the capacity provider whose group launched the instance, or null} */
  public @Nullable String capacityProviderName() {
    return capacityProviderName;
  }

  private List<Task> snapshot() {
    synchronized (tasks) {
      return new ArrayList<>(tasks);
    }
  }

  /** {@return tasks on it whose last status is RUNNING} */
  public int runningTasksCount() {
    int n = 0;
    for (Task t : snapshot()) if (t.lastStatus() == TaskStatus.RUNNING) n++;
    return n;
  }

  /** {@return tasks on it that are placed but not yet RUNNING} */
  public int pendingTasksCount() {
    int n = 0;
    for (Task t : snapshot()) {
      TaskStatus s = t.lastStatus();
      if (s.compareTo(TaskStatus.RUNNING) < 0) n++;
    }
    return n;
  }

  /** {@return the tasks on it that have not stopped} */
  public List<Task> tasks() {
    List<Task> out = new ArrayList<>();
    for (Task t : snapshot()) if (t.lastStatus() != TaskStatus.STOPPED) out.add(t);
    return Collections.unmodifiableList(out);
  }

  // ----------------------------------------------------------------- machinery

  void status(ContainerInstanceStatus s) {
    status = s;
  }

  void agentConnected(boolean c) {
    agentConnected = c;
  }

  void putAttribute(String k, String v) {
    synchronized (attributes) {
      if (v == null) attributes.remove(k);
      else attributes.put(k, v);
    }
  }

  /**
   * The values cluster queries test: attributes plus ec2InstanceId, agentConnected,
   * runningTasksCount.
   */
  Map<String, String> subjects() {
    Map<String, String> m = new TreeMap<>();
    synchronized (attributes) {
      for (Map.Entry<String, String> e : attributes.entrySet())
        m.put("attribute:" + e.getKey(), e.getValue());
    }
    m.put("ec2InstanceId", instance.instanceId());
    m.put("agentConnected", Boolean.toString(agentConnected));
    m.put("runningTasksCount", Integer.toString(runningTasksCount()));
    return m;
  }

  @Nullable String attribute(String name) {
    synchronized (attributes) {
      return attributes.get(name);
    }
  }

  boolean portFree(int port) {
    synchronized (portsInUse) {
      return !RESERVED_PORTS.contains(port) && !portsInUse.contains(port);
    }
  }

  int freeEphemeralPort(Set<Integer> alsoTaken) {
    synchronized (portsInUse) {
      for (int p = EPHEMERAL_FIRST; p <= 65535; p++) {
        if (!portsInUse.contains(p) && !alsoTaken.contains(p)) return p;
      }
    }
    return -1;
  }

  boolean enisAvailable() {
    return enisInUse < maxTaskEnis;
  }

  List<Task> taskList() {
    return snapshot();
  }

  void reserve(Task t) {
    usedCpu += t.taskDefinition().reservedCpu();
    usedMemory += t.taskDefinition().reservedMemory();
    synchronized (portsInUse) {
      portsInUse.addAll(t.hostPortsInternal());
    }
    if (t.taskDefinition().networkMode() == NetworkMode.AWSVPC) enisInUse++;
    tasks.add(t);
  }

  void release(Task t) {
    usedCpu -= t.taskDefinition().reservedCpu();
    usedMemory -= t.taskDefinition().reservedMemory();
    synchronized (portsInUse) {
      portsInUse.removeAll(t.hostPortsInternal());
    }
    if (t.taskDefinition().networkMode() == NetworkMode.AWSVPC) enisInUse--;
  }

  /** Reserved CPU units (for cluster metrics). */
  int usedCpu() {
    return usedCpu;
  }

  int usedMemory() {
    return usedMemory;
  }

  @Override
  public String toString() {
    return id + " (" + instance.instanceId() + ", " + availabilityZone() + ", " + status + ")";
  }
}
