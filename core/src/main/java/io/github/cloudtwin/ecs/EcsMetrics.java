package io.github.cloudtwin.ecs;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricWriter;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Publishes AWS/ECS metrics at the end of each minute (Phase.OBSERVE), stamped with the minute's
 * start: per service (ClusterName, ServiceName) CPUUtilization and MemoryUtilization = 100 x used /
 * (task reservation x running tasks), time-weighted over the minute; per cluster (ClusterName)
 * CPUReservation and MemoryReservation over the registered instances, and CPUUtilization and
 * MemoryUtilization. Nothing is published for a service with no RUNNING task in the minute.
 */
final class EcsMetrics {

  private static final String NS = "AWS/ECS";
  private final Kernel kernel;
  private final CloudWatch cloudWatch;
  private final ClusterRegistry clusters;
  private final TaskRuntimes runtimes;
  private final Map<String, MetricWriter> writers = new HashMap<>();

  EcsMetrics(
      Kernel kernel, CloudWatch cloudWatch, ClusterRegistry clusters, TaskRuntimes runtimes) {
    this.kernel = kernel;
    this.cloudWatch = cloudWatch;
    this.clusters = clusters;
    this.runtimes = runtimes;
    kernel.every(Duration.ofMinutes(1), Phase.OBSERVE, this::publish);
  }

  private MetricWriter writer(String metric, String cluster, @Nullable String service) {
    String key = metric + "|" + cluster + "|" + service;
    MetricWriter w = writers.get(key);
    if (w == null) {
      MetricId id =
          service == null
              ? MetricId.of(NS, metric, "ClusterName", cluster)
              : MetricId.of(NS, metric, "ClusterName", cluster, "ServiceName", service);
      w = cloudWatch.writer(id, StandardUnit.PERCENT);
      writers.put(key, w);
    }
    return w;
  }

  private void publish() {
    long to = kernel.clock().now().toEpochMilli();
    long from = to - 60_000L;
    for (Cluster c : clusters.all()) {
      double clusterCpuUsed = 0;
      double clusterMemUsed = 0;
      for (EcsService s : c.services.values()) {
        if ("INACTIVE".equals(s.status())) continue;
        double cpuUsed = 0;
        double cpuReserved = 0;
        double memUsed = 0;
        double memReserved = 0;
        List<Task> tasks = s.allTasks();
        for (Task t : tasks) {
          if (t.startedAt() == null) continue;
          long start = Math.max(from, t.startedAt().toEpochMilli());
          long end = t.stoppingAt() == null ? to : Math.min(to, t.stoppingAt().toEpochMilli());
          if (end <= start) continue;
          double weight = (end - start) / 60_000.0;
          TaskDefinition td = t.taskDefinition();
          double cpu = runtimes.current().cpuUnitsUsed(t, start, end) * weight;
          double mem = runtimes.current().memoryUsed(t, start, end) * weight;
          cpuUsed += cpu;
          memUsed += mem;
          cpuReserved += td.reservedCpu() * weight;
          memReserved += td.reservedMemory() * weight;
        }
        clusterCpuUsed += cpuUsed;
        clusterMemUsed += memUsed;
        if (cpuReserved > 0)
          writer("CPUUtilization", c.clusterName(), s.serviceName())
              .put(from, 100.0 * cpuUsed / cpuReserved);
        if (memReserved > 0)
          writer("MemoryUtilization", c.clusterName(), s.serviceName())
              .put(from, 100.0 * memUsed / memReserved);
      }
      double regCpu = 0;
      double regMem = 0;
      double resCpu = 0;
      double resMem = 0;
      for (ContainerInstance ci : c.containerInstances.values()) {
        if (ci.status() == ContainerInstanceStatus.INACTIVE || !ci.agentConnected()) continue;
        regCpu += ci.registeredCpu();
        regMem += ci.registeredMemory();
        resCpu += ci.usedCpu();
        resMem += ci.usedMemory();
      }
      if (regCpu > 0) {
        writer("CPUReservation", c.clusterName(), null).put(from, 100.0 * resCpu / regCpu);
        writer("MemoryReservation", c.clusterName(), null).put(from, 100.0 * resMem / regMem);
        writer("CPUUtilization", c.clusterName(), null).put(from, 100.0 * clusterCpuUsed / regCpu);
        writer("MemoryUtilization", c.clusterName(), null)
            .put(from, 100.0 * clusterMemUsed / regMem);
      }
    }
  }
}
