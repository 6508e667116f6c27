package io.github.cloudtwin.report;

import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A window in which a zone was impaired, read from the timeline ({@code zone/*} events of kinds
 * {@code zone-impaired} and {@code zone-restored}).
 *
 * @param zone the zone name
 * @param from offset of the impairment
 * @param to offset of the restoration, or of "now" when still impaired
 * @param ongoing whether the zone was still impaired when the report was made
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ZoneOutage(String zone, Duration from, Duration to, boolean ongoing) {

  /**
   * The outages in {@code events}, in order of start.
   *
   * @param events the events
   * @param t0 the instant offsets are measured from
   * @param now the now
   * @return the outages in {@code events}, in order of start
   */
  public static List<ZoneOutage> from(List<TimelineEvent> events, Instant t0, Instant now) {
    Map<String, Duration> open = new LinkedHashMap<>();
    List<ZoneOutage> out = new ArrayList<>();
    for (TimelineEvent e : events) {
      if (!(e.fact() instanceof Ec2Fact.ZoneStateChanged z)) continue;
      Duration at = Duration.between(t0, e.time());
      if (z.impaired()) {
        open.putIfAbsent(z.zone(), at);
      } else {
        Duration start = open.remove(z.zone());
        if (start != null) out.add(new ZoneOutage(z.zone(), start, at, false));
      }
    }
    Duration end = Duration.between(t0, now);
    open.forEach((zone, start) -> out.add(new ZoneOutage(zone, start, end, true)));
    out.sort((a, b) -> a.from().compareTo(b.from()));
    return List.copyOf(out);
  }
}
