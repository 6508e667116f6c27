package io.github.cloudtwin.cost;

import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ec2.Regions;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Prices in US dollars: EC2 Linux instances per hour (On-Demand and Spot) by region and instance
 * type, and Fargate (Linux/x86) per vCPU-hour and per GB-hour by region. Immutable and thread-safe.
 *
 * <p>{@link #awsOnDemand()} is the built-in table: only the figures whose source docs/what-if.md
 * names (us-east-1, taken on {@link #AWS_ON_DEMAND_AS_OF}). A price it does not have is a {@link
 * ValidationException}, never a guess: supply your own with {@link #builder()} or extend it with
 * {@link #toBuilder()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class PriceTable {

  /** The date the built-in figures were taken. */
  public static final String AWS_ON_DEMAND_AS_OF = "2026-12-01";

  /** Where the built-in figures come from. */
  public static final String AWS_ON_DEMAND_SOURCE =
      "AWS Price List (https://aws.amazon.com/ec2/pricing/on-demand/, https://aws.amazon.com/fargate/pricing/), us-east-1, as of "
          + AWS_ON_DEMAND_AS_OF;

  private static final PriceTable AWS_ON_DEMAND = buildAwsOnDemand();

  private final String source;
  private final Map<String, Double> onDemand; // "region instanceType"
  private final Map<String, Double> spot;
  private final Map<String, double[]> fargate; // region -> {vCPU-hour, GB-hour}

  private PriceTable(Builder b) {
    this.source = b.source;
    this.onDemand = Collections.unmodifiableMap(new TreeMap<>(b.onDemand));
    this.spot = Collections.unmodifiableMap(new TreeMap<>(b.spot));
    TreeMap<String, double[]> f = new TreeMap<>();
    b.fargate.forEach((k, v) -> f.put(k, v.clone()));
    this.fargate = Collections.unmodifiableMap(f);
  }

  /** {@return the built-in On-Demand table (see docs/what-if.md for its source and coverage)} */
  public static PriceTable awsOnDemand() {
    return AWS_ON_DEMAND;
  }

  /** {@return an empty table to fill} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this table's prices, to add or override some} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.source = source;
    b.onDemand.putAll(onDemand);
    b.spot.putAll(spot);
    fargate.forEach((k, v) -> b.fargate.put(k, v.clone()));
    return b;
  }

  /** {@return where the prices come from, as the table's author stated it} */
  public String source() {
    return source;
  }

  /**
   * The hourly price of one instance, if the table has it.
   *
   * @param region the region, such as {@code us-east-1}
   * @param instanceType the instance type, such as {@code m5.large}
   * @param option On-Demand or Spot
   * @return the price per hour in USD, or empty
   */
  public OptionalDouble find(String region, String instanceType, PurchaseOption option) {
    Double p = (option == PurchaseOption.SPOT ? spot : onDemand).get(region + " " + instanceType);
    return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
  }

  /**
   * The hourly price of one instance, or a ValidationException naming the type and region and what
   * the table has.
   *
   * @param region the region, such as {@code us-east-1}
   * @param instanceType the instance type, such as {@code m5.large}
   * @param option On-Demand or Spot
   * @return the price per hour in USD
   */
  public double instanceHourly(String region, String instanceType, PurchaseOption option) {
    Require.notNull("purchaseOption", option);
    OptionalDouble p = find(region, instanceType, option);
    if (p.isEmpty()) {
      Map<String, Double> m = option == PurchaseOption.SPOT ? spot : onDemand;
      throw new ValidationException(
          "instanceType",
          instanceType + " (" + option.name() + ") in " + region,
          "a type and region this price table has ("
              + (m.isEmpty() ? "none" : String.join(", ", m.keySet()))
              + "); add it with PriceTable.builder() or toBuilder()");
    }
    return p.getAsDouble();
  }

  /**
   * Fargate's price per vCPU-hour in {@code region}, or a ValidationException.
   *
   * @param region the region
   * @return USD per vCPU-hour
   */
  public double fargateVcpuHourly(String region) {
    return fargatePrices(region)[0];
  }

  /**
   * Fargate's price per GB-hour of memory in {@code region}, or a ValidationException.
   *
   * @param region the region
   * @return USD per GB-hour
   */
  public double fargateGbHourly(String region) {
    return fargatePrices(region)[1];
  }

  private double[] fargatePrices(String region) {
    double[] p = fargate.get(region);
    if (p == null) {
      throw new ValidationException(
          "region",
          region,
          "a region with Fargate prices in this table ("
              + (fargate.isEmpty() ? "none" : String.join(", ", fargate.keySet()))
              + "); add it with PriceTable.builder().fargate(...)");
    }
    return p;
  }

  /** {@return every On-Demand entry as "region instanceType" to USD per hour, sorted} */
  public Map<String, Double> onDemandPrices() {
    return onDemand;
  }

  /** {@return every Spot entry as "region instanceType" to USD per hour, sorted} */
  public Map<String, Double> spotPrices() {
    return spot;
  }

  @Override
  public String toString() {
    return "PriceTable["
        + onDemand.size()
        + " On-Demand, "
        + spot.size()
        + " Spot, "
        + fargate.size()
        + " Fargate; "
        + source
        + "]";
  }

  private static PriceTable buildAwsOnDemand() {
    Builder b = builder().source(AWS_ON_DEMAND_SOURCE);
    // us-east-1, Linux, On-Demand, USD per hour: the AWS Price List's own rate descriptions
    // ("$0.096 per On Demand Linux m5.large Instance Hour"); docs/what-if.md lists them with their
    // source.
    String r = "us-east-1";
    b.onDemand(r, "t3.micro", 0.0104);
    b.onDemand(r, "t3.small", 0.0208);
    b.onDemand(r, "t3.medium", 0.0416);
    b.onDemand(r, "m5.large", 0.096);
    b.onDemand(r, "m5.xlarge", 0.192);
    b.onDemand(r, "c5.large", 0.085);
    b.onDemand(r, "r5.large", 0.126);
    b.fargate(r, 0.04048, 0.004445);
    return b.build();
  }

  /** Builds {@link PriceTable}s; validates each entry as it is added. Not thread-safe. */
  public static final class Builder {
    private String source = "user-supplied";
    private final Map<String, Double> onDemand = new TreeMap<>();
    private final Map<String, Double> spot = new TreeMap<>();
    private final Map<String, double[]> fargate = new TreeMap<>();

    private Builder() {}

    /**
     * Where the prices come from (a page and a date), shown with every report.
     *
     * @param source the source
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Require.notBlank("source", source);
      return this;
    }

    /**
     * The On-Demand Linux price of {@code instanceType} in {@code region}.
     *
     * @param region a region the twin knows
     * @param instanceType a type from the twin's catalogue
     * @param usdPerHour the price per hour, 0 to 1000
     * @return this builder
     */
    public Builder onDemand(String region, String instanceType, double usdPerHour) {
      onDemand.put(key(region, instanceType), price("usdPerHour", usdPerHour));
      return this;
    }

    /**
     * The Spot price of {@code instanceType} in {@code region} (one figure for the whole scenario).
     *
     * @param region a region the twin knows
     * @param instanceType a type from the twin's catalogue
     * @param usdPerHour the price per hour, 0 to 1000
     * @return this builder
     */
    public Builder spot(String region, String instanceType, double usdPerHour) {
      spot.put(key(region, instanceType), price("usdPerHour", usdPerHour));
      return this;
    }

    /**
     * Fargate's Linux/x86 prices in {@code region}.
     *
     * @param region a region the twin knows
     * @param usdPerVcpuHour per vCPU-hour
     * @param usdPerGbHour per GB-hour of memory
     * @return this builder
     */
    public Builder fargate(String region, double usdPerVcpuHour, double usdPerGbHour) {
      region(region);
      fargate.put(
          region,
          new double[] {
            price("usdPerVcpuHour", usdPerVcpuHour), price("usdPerGbHour", usdPerGbHour)
          });
      return this;
    }

    /** {@return the table} */
    public PriceTable build() {
      return new PriceTable(this);
    }

    private static String key(String region, String instanceType) {
      region(region);
      return region + " " + InstanceType.of(instanceType).name();
    }

    private static void region(String region) {
      Require.notNull("region", region);
      List<String> known = new ArrayList<>(Regions.names());
      if (!known.contains(region)) {
        throw new ValidationException("region", region, "one of " + known);
      }
    }

    private static double price(String field, double usd) {
      return Require.between(field, usd, 0, 1000);
    }
  }
}
