package io.github.cloudtwin.cloudformation;

import java.util.Map;
import java.util.Set;

/**
 * The template's structure, checked as CloudFormation checks it before it reads any value: the
 * attributes a resource may have, the shape of the Mappings section.
 */
final class TemplateChecks {

  private static final Set<String> RESOURCE_ATTRIBUTES =
      Set.of(
          "Type",
          "Properties",
          "DependsOn",
          "Condition",
          "Metadata",
          "CreationPolicy",
          "UpdatePolicy",
          "DeletionPolicy",
          "UpdateReplacePolicy",
          "Version");

  private TemplateChecks() {}

  /**
   * {@code def} (resource {@code id}'s definition) has only resource attributes CloudFormation
   * knows.
   */
  static void checkResourceAttributes(String id, Map<String, Object> def) {
    for (String key : def.keySet()) {
      if (!RESOURCE_ATTRIBUTES.contains(key)) {
        throw new TemplateValidationException(
            id,
            key,
            key,
            "a resource attribute " + RESOURCE_ATTRIBUTES,
            "Template format error: Unrecognized resource attribute " + key + " in resource " + id);
      }
    }
  }

  /** Every mapping maps top-level keys to mappings of second-level keys. */
  static void checkMappings(Template template) {
    for (Map.Entry<String, Object> e : template.section("Mappings").entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> m)
          || m.values().stream().anyMatch(v -> !(v instanceof Map))) {
        throw new TemplateValidationException(
            e.getKey(),
            "Mappings",
            Values.describe(e.getValue()),
            "a mapping of top-level keys to mappings of second-level keys");
      }
    }
  }
}
