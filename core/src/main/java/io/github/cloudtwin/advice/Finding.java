package io.github.cloudtwin.advice;

import io.github.cloudtwin.internal.kernel.Require;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One piece of advice about the configuration as it stands: which rule, which resources, what will
 * happen, and how to fix it. The severity and documentation page come from the rule.
 *
 * @param rule the rule that found it
 * @param resources the resources involved, as {@code type/name} (first the one to change)
 * @param happens what will happen, in one or two sentences with the configuration's numbers
 * @param fix how to fix it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Finding(AdviceRule rule, List<String> resources, String happens, String fix) {

  /**
   * Validates and copies.
   *
   * @param rule the rule that found it
   * @param resources the resources involved, as {@code type/name} (first the one to change)
   * @param happens what will happen
   * @param fix how to fix it
   */
  public Finding {
    Require.notNull("rule", rule);
    resources = List.copyOf(Require.notNull("resources", resources));
    Require.notBlank("happens", happens);
    Require.notBlank("fix", fix);
  }

  /** {@return the rule's severity} */
  public Severity severity() {
    return rule.severity();
  }

  /** {@return the URL of the AWS documentation page that explains it} */
  public String documentation() {
    return rule.documentation();
  }

  /**
   * Whether a resource is involved.
   *
   * @param resource a resource as {@code type/name}, such as {@code group/web}
   * @return whether it is among {@link #resources()}
   */
  public boolean involves(String resource) {
    return resources.contains(resource);
  }

  /** {@return the finding as a few lines of text, for people} */
  public String text() {
    return severity()
        + " "
        + rule.id()
        + " "
        + resources
        + "\n  "
        + happens
        + "\n  Fix: "
        + fix
        + "\n  See "
        + documentation();
  }
}
