package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AWS::CloudFormation::Stack: the TemplateURL is resolved by the test's {@link TemplateResolver},
 * the child is planned with the parent and created in the parent's order; {@code Fn::GetAtt
 * Child.Outputs.Name} reads the child's outputs.
 */
final class NestedStacks {

  private NestedStacks() {}

  static final ResourceHandler STACK =
      r -> {
        Props p = r.props();
        String url = p.requiredString("TemplateURL");
        Map<String, String> parameters = new LinkedHashMap<>();
        Props given = p.child("Parameters");
        if (given != null) {
          Object raw = p.raw("Parameters");
          Map<?, ?> mapping =
              (Map<?, ?>) Objects.requireNonNull(raw, "child() found a mapping under the key");
          for (Map.Entry<?, ?> e : mapping.entrySet()) {
            Object v = e.getValue();
            String text =
                v instanceof List<?> l
                    ? String.join(
                        ",",
                        l.stream()
                            .map(
                                o ->
                                    Evaluator.string(
                                        o, r.logicalId(), "Properties.Parameters." + e.getKey()))
                            .toList())
                    : Evaluator.string(v, r.logicalId(), "Properties.Parameters." + e.getKey());
            parameters.put((String) e.getKey(), text);
          }
        }
        p.accept("TimeoutInMinutes").accept("NotificationARNs");
        Template template;
        try {
          template = r.plan().session().config().templateResolver().resolve(url);
        } catch (TemplateValidationException e) {
          throw new TemplateValidationException(
              r.logicalId(), "Properties.TemplateURL", url, e.allowed());
        }
        String childName = Names.generate(r.stackName(), r.logicalId(), 128);
        StackPlan child = r.plan().nested(r.logicalId(), template, childName);
        if (r.planning()) {
          child.plan(parameters);
          return Creation.fixed(outcome(child));
        }
        return new Creation() {
          @Override
          public Outcome predict() {
            return outcome(child);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            child.create(parameters);
            return outcome(child);
          }
        };
      };

  private static Outcome outcome(StackPlan child) {
    Outcome o = Outcome.of(child.stackId());
    child.outputs().forEach((k, v) -> o.attribute("Outputs." + k, v));
    return o;
  }
}
