package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One import: the root stack, its nested stacks, the report, and the names they claim. */
final class StackImporter {

  private final CloudTwin twin;
  private final StackImport config;
  private final ImportReport.Collector report = new ImportReport.Collector();
  private final Map<String, String> claimed = new HashMap<>();
  private final Map<String, String> subnetZones = new HashMap<>();

  StackImporter(CloudTwin twin, StackImport config) {
    this.twin = Objects.requireNonNull(twin, "twin");
    this.config = Objects.requireNonNull(config, "config");
  }

  CloudTwin twin() {
    return twin;
  }

  StackImport config() {
    return config;
  }

  ImportReport.Collector report() {
    return report;
  }

  /**
   * Records that {@code logicalId} will create {@code type} named {@code ref}; two resources may
   * not.
   */
  void claim(String type, String ref, String logicalId) {
    String previous = claimed.putIfAbsent(type + " " + ref, logicalId);
    if (previous != null) {
      throw new TemplateValidationException(
          logicalId,
          null,
          ref,
          "a name no other resource of the import uses (" + previous + " has it)",
          ref + " already exists in stack " + config.stackName());
    }
  }

  /** Whether a stack of this import creates {@code type} named {@code ref} (as planned). */
  boolean claims(String type, String ref) {
    return claimed.containsKey(type + " " + ref);
  }

  /** Records a subnet of any stack of the import, so a nested stack's subnets serve the parent. */
  void subnet(String subnetId, String zone) {
    subnetZones.put(subnetId, zone);
  }

  /** The zone of a subnet of the import or one the test supplied, or null. */
  @Nullable String subnetZone(String subnetId) {
    String z = subnetZones.get(subnetId);
    return z != null ? z : config.subnets().get(subnetId);
  }

  Stack run() {
    StackPlan root = new StackPlan(this, config.template(), config.stackName());
    // under the twin's lock: no other thread sees the stack half-created
    twin.simulation()
        .run(
            () -> {
              root.plan(config.parameters());
              root.create(config.parameters());
            });
    return root.stack(report.build());
  }
}
