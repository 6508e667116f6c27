package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * A suspended process of an Auto Scaling group, as {@code DescribeAutoScalingGroups} lists it in
 * {@code SuspendedProcesses}.
 *
 * @param processName the process
 * @param suspensionReason why, in AWS's words: {@code User suspended at 2026-01-01T00:05:00Z}
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record SuspendedProcess(ScalingProcess processName, String suspensionReason) {}
