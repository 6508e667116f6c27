package io.github.cloudtwin.cost;

import io.github.cloudtwin.ec2.PurchaseOption;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What one EC2 instance cost: the time it spent in the {@code running} state, the seconds billed
 * for it (per second, at least 60 each time it entered {@code running}) and the price.
 *
 * @param instanceId the instance
 * @param instanceType its type, such as {@code m5.large}
 * @param availabilityZone its zone
 * @param groupName its Auto Scaling group, or null
 * @param policyName the scaling policy whose activity launched it, or null (see {@link Costs})
 * @param purchaseOption how it was bought
 * @param running the time it spent running within the report's window
 * @param billedSeconds the seconds billed
 * @param usdPerHour the hourly price applied
 * @param usd what it cost
 * @param launchEventId the timeline event of its launch
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record InstanceCharge(
    String instanceId,
    String instanceType,
    String availabilityZone,
    @Nullable String groupName,
    @Nullable String policyName,
    PurchaseOption purchaseOption,
    Duration running,
    long billedSeconds,
    double usdPerHour,
    double usd,
    long launchEventId) {}
