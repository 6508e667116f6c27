package io.github.cloudtwin.ec2;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An EC2 instance type with its vCPUs and memory, from the twin's catalogue of common families (t3,
 * m5, m6i, c5, c6i, r5).
 *
 * @param name such as {@code m5.large}
 * @param vCpus virtual CPUs
 * @param memoryMiB memory in MiB
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record InstanceType(String name, int vCpus, int memoryMiB) {

  private static final Map<String, InstanceType> CATALOGUE = buildCatalogue();

  /**
   * Validates.
   *
   * @param name such as {@code m5.large}
   * @param vCpus virtual CPUs
   * @param memoryMiB memory in MiB
   */
  public InstanceType {
    Require.name("instanceType", name);
    Require.between("vCpus", vCpus, 1, 448);
    Require.between("memoryMiB", memoryMiB, 256, 24 * 1024 * 1024);
  }

  /**
   * The catalogue entry for {@code name}, or a ValidationException listing the known types.
   *
   * @param name the name
   * @return the catalogue entry for {@code name}, or a ValidationException listing the known types
   */
  public static InstanceType of(String name) {
    Require.name("instanceType", name);
    InstanceType t = CATALOGUE.get(name);
    if (t == null) {
      throw new ValidationException(
          "instanceType",
          name,
          "an instance type from the catalogue: " + String.join(", ", CATALOGUE.keySet()));
    }
    return t;
  }

  /** {@return every type in the catalogue, in catalogue order} */
  public static List<InstanceType> catalogue() {
    return List.copyOf(CATALOGUE.values());
  }

  /** {@return the family, such as {@code m5}} */
  public String family() {
    return name.substring(0, name.indexOf('.'));
  }

  /**
   * {@return the twin's default On-Demand price in USD per hour: the us-east-1 Linux list price of
   * the type (t3 and t4g double with each size; m5 and m6i $0.048, c5 and c6i $0.0425, r5 $0.063
   * per vCPU-hour); a twin can set others with {@code ec2.putOnDemandPrice}}
   */
  public double defaultOnDemandPrice() {
    String f = family();
    if (f.equals("t3") || f.equals("t4g")) {
      String[] sizes = {"nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"};
      double nano = f.equals("t3") ? 0.0052 : 0.0042;
      String size = name.substring(name.indexOf('.') + 1);
      for (int i = 0; i < sizes.length; i++) {
        if (sizes[i].equals(size)) return nano * (1 << i);
      }
    }
    double perVcpu =
        switch (f) {
          case "m5", "m6i" -> 0.048;
          case "c5", "c6i" -> 0.0425;
          default -> 0.063;
        };
    return Math.round(perVcpu * vCpus * 10_000) / 10_000.0;
  }

  /** {@return registered ECS CPU units: 1024 per vCPU} */
  public int cpuUnits() {
    return vCpus * 1024;
  }

  @Override
  public String toString() {
    return name;
  }

  private static Map<String, InstanceType> buildCatalogue() {
    Map<String, InstanceType> m = new LinkedHashMap<>();
    // t3 (Intel) and t4g (Graviton): burstable, the same sizes
    for (String family : new String[] {"t3", "t4g"}) {
      add(m, family + ".nano", 2, 512);
      add(m, family + ".micro", 2, 1024);
      add(m, family + ".small", 2, 2048);
      add(m, family + ".medium", 2, 4096);
      add(m, family + ".large", 2, 8192);
      add(m, family + ".xlarge", 4, 16384);
      add(m, family + ".2xlarge", 8, 32768);
    }
    // general purpose: 4 GiB per vCPU
    for (String family : new String[] {"m5", "m6i"}) {
      sized(m, family, 4096);
    }
    // compute optimised: 2 GiB per vCPU
    for (String family : new String[] {"c5", "c6i"}) {
      sized(m, family, 2048);
    }
    // memory optimised: 8 GiB per vCPU
    sized(m, "r5", 8192);
    return Collections.unmodifiableMap(m);
  }

  private static void sized(Map<String, InstanceType> m, String family, int mibPerVcpu) {
    String[] sizes = {
      "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"
    };
    int[] vcpus = {2, 4, 8, 16, 32, 48, 64, 96};
    List<String> skip = new ArrayList<>();
    if (family.equals("c5")) {
      // c5 has 9xlarge/18xlarge instead of 8xlarge/16xlarge
      skip.add("8xlarge");
      skip.add("16xlarge");
    }
    for (int i = 0; i < sizes.length; i++) {
      if (!skip.contains(sizes[i])) {
        add(m, family + "." + sizes[i], vcpus[i], vcpus[i] * mibPerVcpu);
      }
    }
    if (family.equals("c5")) {
      add(m, "c5.9xlarge", 36, 73728);
      add(m, "c5.18xlarge", 72, 147456);
    }
  }

  private static void add(Map<String, InstanceType> m, String name, int vCpus, int mib) {
    m.put(name, new InstanceType(name, vCpus, mib));
  }
}
