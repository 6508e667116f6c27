package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A listener rule: conditions evaluated in priority order (lowest first), and the action of the
 * first rule whose conditions all match.
 *
 * @param priority 1-50000, unique within a listener
 * @param conditions 1 or more conditions, all of which must match
 * @param action what to do
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RuleSpec(int priority, List<RuleCondition> conditions, RuleAction action) {

  /**
   * Validates and copies.
   *
   * @param priority 1-50000, unique within a listener
   * @param conditions 1 or more conditions, all of which must match
   * @param action what to do
   */
  public RuleSpec {
    Require.between("Priority", priority, 1, 50000);
    conditions = List.copyOf(Require.notNull("Conditions", conditions));
    if (conditions.isEmpty())
      throw new ValidationException("Conditions", "[]", "at least one condition");
    Require.notNull("Actions", action);
  }

  /**
   * A rule with one condition.
   *
   * @param priority the priority
   * @param condition the condition
   * @param action the action
   * @return a rule with one condition
   */
  public static RuleSpec of(int priority, RuleCondition condition, RuleAction action) {
    return new RuleSpec(priority, List.of(Require.notNull("Conditions", condition)), action);
  }

  boolean matches(Request r) {
    for (RuleCondition c : conditions) {
      if (!c.matches(r)) return false;
    }
    return true;
  }
}
