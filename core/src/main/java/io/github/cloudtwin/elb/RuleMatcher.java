package io.github.cloudtwin.elb;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A listener rule's conditions, compiled once per routing snapshot (no regex built per request).
 */
final class RuleMatcher {

  private final RuleCondition[] conditions;
  private final Pattern[][] patterns;

  RuleMatcher(RuleSpec rule) {
    List<RuleCondition> cs = rule.conditions();
    conditions = cs.toArray(new RuleCondition[0]);
    patterns = new Pattern[conditions.length][];
    for (int i = 0; i < conditions.length; i++) {
      List<String> values = conditions[i].values();
      boolean ignoreCase = !conditions[i].field().equals("path-pattern");
      patterns[i] = new Pattern[values.size()];
      for (int k = 0; k < values.size(); k++)
        patterns[i][k] = RuleCondition.wildcard(values.get(k), ignoreCase);
    }
  }

  boolean matches(Request r) {
    for (int i = 0; i < conditions.length; i++) {
      String subject = conditions[i].subject(r);
      if (subject == null) return false;
      boolean any = false;
      for (Pattern p : patterns[i]) {
        if (p.matcher(subject).matches()) {
          any = true;
          break;
        }
      }
      if (!any) return false;
    }
    return true;
  }
}
