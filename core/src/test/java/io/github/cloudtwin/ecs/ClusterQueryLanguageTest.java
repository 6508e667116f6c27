package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster query language of {@code memberOf} placement constraints, as AWS documents it
 * ("Create expressions to define container instances for Amazon ECS tasks",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html, sections
 * "Expression syntax" and "Examples"): {@code subject operator [argument]}, the operators and their
 * word forms, compound expressions with {@code and}, {@code or}, {@code not} and parentheses. Each
 * expression is evaluated against the subjects of one container instance (its attributes,
 * ec2InstanceId, agentConnected, runningTasksCount).
 */
class ClusterQueryLanguageTest {

  /** A t3.medium in us-east-1a running 2 tasks, with the custom attribute stack=prod. */
  private static final Map<String, String> INSTANCE =
      Map.of(
          "attribute:ecs.instance-type", "t3.medium",
          "attribute:ecs.availability-zone", "us-east-1a",
          "attribute:stack", "prod",
          "ec2InstanceId", "i-0abc",
          "agentConnected", "true",
          "runningTasksCount", "2");

  private static boolean matches(String expression) {
    return ClusterQuery.parse(expression).test(INSTANCE);
  }

  @Test
  void equalsAndNotEqualsInBothForms() {
    // "Operator": equals (==), not_equals (!=)
    assertThat(matches("attribute:ecs.instance-type == t3.medium")).isTrue();
    assertThat(matches("attribute:ecs.instance-type equals t3.micro")).isFalse();
    assertThat(matches("attribute:ecs.instance-type != t3.micro")).isTrue();
    assertThat(matches("attribute:ecs.instance-type not_equals t3.medium")).isFalse();
    assertThat(matches("agentConnected == true")).isTrue();
  }

  @Test
  void inAndNotInTakeAListOfValues() {
    // AWS's example: attribute:ecs.availability-zone in [us-east-1a, us-east-1b]
    assertThat(matches("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]")).isTrue();
    assertThat(matches("attribute:ecs.availability-zone in [us-east-1b, us-east-1c]")).isFalse();
    assertThat(matches("attribute:ecs.availability-zone !in [us-east-1b, us-east-1c]")).isTrue();
    assertThat(matches("attribute:ecs.availability-zone not_in [us-east-1a]")).isFalse();
    assertThat(matches("ec2InstanceId !in [i-0abc]")).isFalse();
    assertThat(matches("ec2InstanceId in [i-0abc]")).isTrue();
  }

  @Test
  void matchesTakesAWildcardPatternThatMustMatchTheWholeValue() {
    // AWS's example: attribute:ecs.instance-type =~ g2.* ; "*" is the wildcard
    assertThat(matches("attribute:ecs.instance-type =~ t3.*")).isTrue();
    assertThat(matches("attribute:ecs.instance-type matches *.medium")).isTrue();
    assertThat(matches("attribute:ecs.instance-type =~ t3.m*m")).isTrue();
    assertThat(matches("attribute:ecs.instance-type =~ m5.*")).isFalse();
    // a pattern without a leading wildcard anchors at the start: prod* is not preprod
    assertThat(
            ClusterQuery.parse("attribute:stack =~ prod*")
                .test(Map.of("attribute:stack", "preprod")))
        .isFalse();
    assertThat(matches("attribute:ecs.instance-type !~ m5.*")).isTrue();
    assertThat(matches("attribute:ecs.instance-type not_matches t3.*")).isFalse();
  }

  @Test
  void numericComparisonsAtAndAroundTheirBoundary() {
    // runningTasksCount: greater_than (>), greater_than_equal (>=), less_than (<),
    // less_than_equal (<=); the instance runs 2 tasks
    assertThat(matches("runningTasksCount > 1")).isTrue();
    assertThat(matches("runningTasksCount > 2")).isFalse();
    assertThat(matches("runningTasksCount greater_than 2")).isFalse();
    assertThat(matches("runningTasksCount >= 2")).isTrue();
    assertThat(matches("runningTasksCount greater_than_equal 3")).isFalse();
    assertThat(matches("runningTasksCount < 3")).isTrue();
    assertThat(matches("runningTasksCount < 2")).isFalse();
    assertThat(matches("runningTasksCount less_than 2")).isFalse();
    assertThat(matches("runningTasksCount <= 2")).isTrue();
    assertThat(matches("runningTasksCount less_than_equal 1")).isFalse();
    // a subject whose value is no number never compares
    assertThat(matches("attribute:stack > 1")).isFalse();
    assertThat(matches("attribute:missing < 1")).isFalse();
  }

  @Test
  void existsAndNotExistsAskWhetherTheInstanceHasTheAttribute() {
    assertThat(matches("attribute:stack exists")).isTrue();
    assertThat(matches("attribute:gpu exists")).isFalse();
    assertThat(matches("attribute:gpu !exists")).isTrue();
    assertThat(matches("attribute:stack !exists")).isFalse();
    assertThat(matches("attribute:stack not_exists")).isFalse();
  }

  @Test
  void compoundExpressionsWithAndOrNotAndParentheses() {
    // AWS's example: attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone
    // != us-east-1d
    assertThat(
            matches(
                "attribute:ecs.instance-type =~ t3.* and attribute:ecs.availability-zone"
                    + " != us-east-1d"))
        .isTrue();
    assertThat(matches("attribute:stack == prod && runningTasksCount > 5")).isFalse();
    // or: true when either side holds, false when neither does
    assertThat(matches("attribute:stack == dev or runningTasksCount == 2")).isTrue();
    assertThat(matches("attribute:stack == prod || runningTasksCount == 9")).isTrue();
    assertThat(matches("attribute:stack == dev or runningTasksCount == 9")).isFalse();
    // not and its ! form
    assertThat(matches("not attribute:stack == dev")).isTrue();
    assertThat(matches("not attribute:stack == prod")).isFalse();
    assertThat(matches("!(attribute:stack == prod)")).isFalse();
    assertThat(matches("!attribute:gpu exists")).isTrue();
    // parentheses group: false and (true or x) is false, (false and true) or true is true
    assertThat(
            matches(
                "attribute:stack == dev and (runningTasksCount == 2 or agentConnected == true)"))
        .isFalse();
    assertThat(
            matches(
                "(attribute:stack == dev and runningTasksCount == 2) or agentConnected == true"))
        .isTrue();
  }

  @Test
  void malformedExpressionsAreRejectedNamingWhatWasFound() {
    // "attribute:" needs a name
    assertThatThrownBy(() -> ClusterQuery.parse("attribute: == x"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found 'attribute:'");
    assertThat(ClusterQuery.parse("attribute:a == x").test(Map.of("attribute:a", "x"))).isTrue();
    // !in at the very end lacks its list
    assertThatThrownBy(() -> ClusterQuery.parse("attribute:a !in"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found the end");
    // in without brackets names the token it found instead of the list
    assertThatThrownBy(() -> ClusterQuery.parse("attribute:a in us-east-1a"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found 'us-east-1a'");
    // a number is required after a numeric operator
    assertThatThrownBy(() -> ClusterQuery.parse("runningTasksCount > many"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("a number after >, found 'many'");
    // a character outside the language is rejected (the parser stops instead of looping)
    assertThatThrownBy(() -> ClusterQuery.parse("attribute:a == ?x @"))
        .isInstanceOf(ValidationException.class);
  }
}
