package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.advice.Advice;
import io.github.cloudtwin.advice.AdviceRule;
import io.github.cloudtwin.advice.Finding;
import java.util.List;
import org.apiguardian.api.API;

/** A twin's configuration has findings nobody accepted, or lacks the one a test expects. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveNoConfigurationWarnings extends CloudTwinErrorMessage {

  private ShouldHaveNoConfigurationWarnings(String text) {
    super(text);
  }

  /**
   * The message for findings left after the accepted ones.
   *
   * @param left the findings nobody accepted
   * @param accepted how many findings were accepted
   * @return the message
   */
  public static ShouldHaveNoConfigurationWarnings shouldHaveNoConfigurationWarnings(
      List<Finding> left, int accepted) {
    StringBuilder sb =
        new StringBuilder("Expecting no configuration warnings\nbut found ")
            .append(left.size())
            .append(left.size() == 1 ? " finding" : " findings");
    if (accepted > 0) sb.append(" (and ").append(accepted).append(" accepted)");
    sb.append(":\n");
    for (Finding f : left) sb.append(f.text().indent(2));
    sb.append("Accept a finding you mean to keep with accepting(\"")
        .append(left.get(0).rule().id())
        .append("\"")
        .append(
            left.get(0).resources().isEmpty() ? "" : ", \"" + left.get(0).resources().get(0) + "\"")
        .append(").");
    return new ShouldHaveNoConfigurationWarnings(sb.toString());
  }

  /**
   * The message for a rule that found nothing.
   *
   * @param rule the rule expected to find something
   * @param advice the advice
   * @return the message
   */
  public static ShouldHaveNoConfigurationWarnings shouldHaveFinding(
      AdviceRule rule, Advice advice) {
    return new ShouldHaveNoConfigurationWarnings(
        "Expecting a finding of rule "
            + rule.id()
            + "\nbut there is none. The advice:\n"
            + advice.text().indent(2).stripTrailing());
  }
}
