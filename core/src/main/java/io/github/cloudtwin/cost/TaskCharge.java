package io.github.cloudtwin.cost;

import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What one Fargate task cost: billed per second, at least one minute, from the start of its image
 * download ({@code PENDING}) until it stopped, for its task-level vCPU and memory.
 *
 * @param taskId the task
 * @param taskDefinition the task definition as {@code family:revision}
 * @param serviceName its ECS service, or null
 * @param vCpu vCPUs (task CPU units / 1024)
 * @param memoryGb memory in GB (task memory MiB / 1024)
 * @param billed the time billed (at least one minute)
 * @param usd what it cost
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record TaskCharge(
    String taskId,
    String taskDefinition,
    @Nullable String serviceName,
    double vCpu,
    double memoryGb,
    Duration billed,
    double usd) {}
