package io.github.cloudtwin.ec2;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The fixed list of (zone name, zone id) pairs per region. AZ ids are listed, not derived, because
 * some regions use four-letter prefixes ({@code apne1-az1}).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Regions {

  private static final Map<String, String[][]> ZONES =
      Map.of(
          "us-east-1",
          new String[][] {
            {"a", "use1-az1"},
            {"b", "use1-az2"},
            {"c", "use1-az4"},
            {"d", "use1-az6"},
            {"e", "use1-az3"},
            {"f", "use1-az5"}
          },
          "us-east-2",
          new String[][] {{"a", "use2-az1"}, {"b", "use2-az2"}, {"c", "use2-az3"}},
          "us-west-2",
          new String[][] {
            {"a", "usw2-az1"}, {"b", "usw2-az2"}, {"c", "usw2-az3"}, {"d", "usw2-az4"}
          },
          "eu-west-1",
          new String[][] {{"a", "euw1-az1"}, {"b", "euw1-az2"}, {"c", "euw1-az3"}},
          "eu-central-1",
          new String[][] {{"a", "euc1-az2"}, {"b", "euc1-az3"}, {"c", "euc1-az1"}},
          "ap-northeast-1",
          new String[][] {{"a", "apne1-az4"}, {"c", "apne1-az1"}, {"d", "apne1-az2"}},
          "ap-southeast-2",
          new String[][] {{"a", "apse2-az1"}, {"b", "apse2-az3"}, {"c", "apse2-az2"}});

  private Regions() {}

  /** {@return the regions the twin knows, sorted} */
  public static List<String> names() {
    List<String> names = new ArrayList<>(ZONES.keySet());
    names.sort(null);
    return names;
  }

  /**
   * Every zone of {@code region}, in name order.
   *
   * @param region the region
   * @return every zone of {@code region}, in name order
   */
  public static List<AvailabilityZone> zones(String region) {
    String[][] z = ZONES.get(region);
    if (z == null) {
      throw new ValidationException("region", region, "one of " + names());
    }
    List<AvailabilityZone> out = new ArrayList<>();
    for (String[] pair : z) {
      out.add(new AvailabilityZone(region + pair[0], pair[1], region));
    }
    return out;
  }
}
