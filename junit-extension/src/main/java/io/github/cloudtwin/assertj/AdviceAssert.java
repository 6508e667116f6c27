package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldHaveNoConfigurationWarnings.shouldHaveNoConfigurationWarnings;

import io.github.cloudtwin.advice.Advice;
import io.github.cloudtwin.advice.AdviceRule;
import io.github.cloudtwin.advice.Finding;
import io.github.cloudtwin.internal.kernel.Require;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a twin's {@link Advice}: {@code
 * assertThat(twin.advice()).accepting("flapping-thresholds") .hasNoConfigurationWarnings()}.
 * Accepting a finding is explicit and named: by rule, or by rule and resource.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class AdviceAssert extends AbstractObjectAssert<AdviceAssert, Advice> {

  private final List<String[]> accepted = new ArrayList<>();

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the advice under test
   */
  public AdviceAssert(@Nullable Advice actual) {
    super(actual, AdviceAssert.class);
  }

  /**
   * Accepts every finding of a rule: {@link #hasNoConfigurationWarnings()} ignores them.
   *
   * @param ruleId the rule's id, such as {@code flapping-thresholds}
   * @return this assertion
   */
  public AdviceAssert accepting(String ruleId) {
    return accepting(AdviceRule.ofId(ruleId));
  }

  /**
   * Accepts every finding of a rule.
   *
   * @param rule the rule
   * @return this assertion
   */
  public AdviceAssert accepting(AdviceRule rule) {
    accepted.add(new String[] {Require.notNull("rule", rule).id(), null});
    return myself;
  }

  /**
   * Accepts the findings of a rule that involve one resource.
   *
   * @param ruleId the rule's id
   * @param resource the resource as {@code type/name}, such as {@code group/web}
   * @return this assertion
   */
  public AdviceAssert accepting(String ruleId, String resource) {
    accepted.add(
        new String[] {AdviceRule.ofId(ruleId).id(), Require.notBlank("resource", resource)});
    return myself;
  }

  /**
   * Verifies that no finding is left once the accepted ones are set aside; the failure lists each
   * finding with what will happen, the fix and the AWS page.
   *
   * @return this assertion
   */
  public AdviceAssert hasNoConfigurationWarnings() {
    isNotNull();
    List<Finding> left = new ArrayList<>();
    int acceptedCount = 0;
    for (Finding f : actual.findings()) {
      if (isAccepted(f)) acceptedCount++;
      else left.add(f);
    }
    if (!left.isEmpty())
      throw assertionError(shouldHaveNoConfigurationWarnings(left, acceptedCount));
    return myself;
  }

  /**
   * Verifies that a rule found something (a test that pins a known flaw down).
   *
   * @param ruleId the rule's id
   * @return this assertion
   */
  public AdviceAssert hasFinding(String ruleId) {
    isNotNull();
    AdviceRule rule = AdviceRule.ofId(ruleId);
    if (actual.findings(rule).isEmpty()) {
      throw assertionError(
          io.github.cloudtwin.assertj.error.ShouldHaveNoConfigurationWarnings.shouldHaveFinding(
              rule, actual));
    }
    return myself;
  }

  private boolean isAccepted(Finding f) {
    for (String[] a : accepted) {
      if (a[0].equals(f.rule().id()) && (a[1] == null || f.involves(a[1]))) return true;
    }
    return false;
  }
}
