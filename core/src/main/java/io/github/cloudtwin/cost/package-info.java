/**
 * What a scenario costs: a {@link io.github.cloudtwin.cost.PriceTable} of EC2 (Linux) and Fargate
 * prices, billing by the second with EC2's 60-second minimum, and a {@link
 * io.github.cloudtwin.cost.CostReport} per scenario, group and policy, computed from the timeline's
 * typed facts by {@link io.github.cloudtwin.cost.Costs}.
 */
@NullMarked
package io.github.cloudtwin.cost;

import org.jspecify.annotations.NullMarked;
