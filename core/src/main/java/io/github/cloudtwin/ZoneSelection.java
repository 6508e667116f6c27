package io.github.cloudtwin;

import io.github.cloudtwin.ec2.AvailabilityZone;
import io.github.cloudtwin.ec2.Regions;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The zones a twin's builder asks for, checked against its region: the first {@code count} zones,
 * or exactly the zones named.
 */
final class ZoneSelection {

  private ZoneSelection() {}

  /**
   * {@return the chosen zones of {@code region}, in name order; a ValidationException names the
   * first setting that is not allowed}
   *
   * @param region the region code
   * @param count the number of the region's zones to use (default 3), when no names are given
   * @param names the zones by name, or null to use {@code count}
   */
  static List<AvailabilityZone> choose(
      String region, @Nullable Integer count, @Nullable List<String> names) {
    List<AvailabilityZone> all = Regions.zones(Require.name("region", region));
    if (names == null) {
      int n = count == null ? 3 : count;
      Require.between("availabilityZones", n, 1, all.size());
      return List.copyOf(all.subList(0, n));
    }
    if (names.isEmpty()) {
      throw new ValidationException("availabilityZones", "[]", "at least one zone of " + region);
    }
    List<AvailabilityZone> chosen = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String n : names) {
      Require.name("availabilityZones", n);
      if (!seen.add(n)) {
        throw new ValidationException("availabilityZones", n, "each zone at most once");
      }
      chosen.add(
          all.stream()
              .filter(a -> a.name().equals(n))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ValidationException(
                          "availabilityZones",
                          n,
                          "a zone of "
                              + region
                              + ": "
                              + all.stream().map(AvailabilityZone::name).toList())));
    }
    chosen.sort((a, b) -> a.name().compareTo(b.name()));
    return List.copyOf(chosen);
  }
}
