package io.github.cloudtwin.cloudformation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack's Outputs section evaluated: each output's value as text (a list joined by commas, as
 * CloudFormation shows it), and the exports the outputs name, each name used once.
 *
 * @param values the outputs' values, by logical id, in template order
 * @param exports the exported values, by export name
 */
record StackOutputs(Map<String, String> values, Map<String, String> exports) {

  /** Before the outputs are evaluated: none. */
  static final StackOutputs NONE = new StackOutputs(Map.of(), Map.of());

  /** The Outputs of {@code template} whose condition holds, evaluated. */
  static StackOutputs evaluate(Template template, Conditions conditions, Evaluator evaluator) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> ex = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : template.section("Outputs").entrySet()) {
      String id = e.getKey();
      if (!(e.getValue() instanceof Map<?, ?> def) || !def.containsKey("Value")) {
        throw new TemplateValidationException(
            id,
            "Value",
            null,
            "an output with a Value",
            "Template format error: Every Outputs member must contain a Value object");
      }
      Object condition = def.get("Condition");
      if (condition != null
          && !conditions.value(Evaluator.string(condition, id, "Condition"), id, "Condition"))
        continue;
      Object v = evaluator.eval(def.get("Value"), id, "Value");
      String text =
          v instanceof List<?> l
              ? String.join(",", l.stream().map(o -> Evaluator.string(o, id, "Value")).toList())
              : Evaluator.string(v, id, "Value");
      out.put(id, text);
      if (def.get("Export") instanceof Map<?, ?> export && export.containsKey("Name")) {
        String name =
            Evaluator.string(
                evaluator.eval(export.get("Name"), id, "Export.Name"), id, "Export.Name");
        if (ex.containsKey(name)) {
          throw new TemplateValidationException(
              id,
              "Export.Name",
              name,
              "an export name used once",
              "Template error: duplicate Export names " + name);
        }
        ex.put(name, text);
      }
    }
    return new StackOutputs(out, ex);
  }
}
