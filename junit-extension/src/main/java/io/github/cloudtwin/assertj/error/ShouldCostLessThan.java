package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.cost.CostReport;
import io.github.cloudtwin.cost.InstanceCharge;
import io.github.cloudtwin.kernel.Timeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** A scenario (or one of its groups or policies) cost more than a limit. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldCostLessThan extends CloudTwinErrorMessage {

  /** The most instances a failure lists. */
  static final int TOP = 3;

  private ShouldCostLessThan(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param report the cost report
   * @param what what was measured, such as {@code the scenario} or {@code Auto Scaling group "web"}
   * @param limit the limit in USD
   * @param inclusive whether the limit itself was allowed
   * @param actual what it cost in USD
   * @param charges the instance charges that make up {@code actual}
   * @param timeline the timeline to quote, or null
   * @return the message
   */
  public static ShouldCostLessThan shouldCostLessThan(
      CostReport report,
      String what,
      double limit,
      boolean inclusive,
      double actual,
      List<InstanceCharge> charges,
      @Nullable Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting ")
        .append(what)
        .append(" to cost ")
        .append(inclusive ? "at most " : "less than ")
        .append(usd(limit))
        .append(" over ")
        .append(TimelineSlice.shortText(report.duration()))
        .append('\n');
    sb.append("but it cost ")
        .append(usd(actual))
        .append(" (")
        .append(usd(report.costPerHour()))
        .append(" per hour for the whole scenario; ")
        .append(report.billedInstanceSeconds())
        .append(" instance-seconds billed).\n");
    if (!report.byGroup().isEmpty())
      sb.append("Per group: ").append(split(report.byGroup())).append('\n');
    if (!report.byPolicy().isEmpty() || report.unattributedUsd() > 0) {
      sb.append("Per policy: ").append(split(report.byPolicy()));
      sb.append(report.byPolicy().isEmpty() ? "" : ", ")
          .append("no policy ")
          .append(usd(report.unattributedUsd()))
          .append('\n');
    }
    List<InstanceCharge> top = new ArrayList<>(charges);
    top.sort(
        Comparator.comparingDouble(InstanceCharge::usd)
            .reversed()
            .thenComparing(InstanceCharge::launchEventId));
    top = top.subList(0, Math.min(TOP, top.size()));
    if (!top.isEmpty()) {
      sb.append("Most expensive instances:\n");
      for (InstanceCharge c : top) {
        sb.append("  ")
            .append(c.instanceId())
            .append("  ")
            .append(c.instanceType())
            .append(" in ")
            .append(c.availabilityZone())
            .append("  ")
            .append(c.billedSeconds())
            .append(" s billed  ")
            .append(usd(c.usd()))
            .append(c.policyName() == null ? "" : "  launched by policy " + c.policyName())
            .append('\n');
      }
    }
    sb.append("Prices: ").append(report.priceSource()).append('\n');
    if (timeline != null && !top.isEmpty()) {
      Set<Long> launches = new HashSet<>();
      for (InstanceCharge c : top) launches.add(c.launchEventId());
      sb.append(TimelineSlice.of(timeline, e -> launches.contains(e.id())));
    }
    return new ShouldCostLessThan(sb.toString().stripTrailing());
  }

  /**
   * The same expectation, failing because nothing it names was billed at all: a cost of 0 proves
   * nothing (a misspelt group or policy, a clock that did not move).
   *
   * @return the message
   */
  public ShouldCostLessThan butNothingWasBilled() {
    String text = create();
    String first = text.substring(0, text.indexOf('\n'));
    return new ShouldCostLessThan(
        first
            + "\nbut nothing it names was billed: no instance (or Fargate task) ran for it, "
            + "so a cost of $0 proves nothing.\nPrices: "
            + text.substring(text.indexOf("Prices: ") + 8));
  }

  /**
   * Dollars with four decimals: {@code $1.2345}.
   *
   * @param usd the amount
   * @return the text
   */
  public static String usd(double usd) {
    return String.format(Locale.ROOT, "$%.4f", usd);
  }

  private static String split(Map<String, Double> m) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, v) -> parts.add(k + " " + usd(v)));
    return String.join(", ", parts);
  }
}
