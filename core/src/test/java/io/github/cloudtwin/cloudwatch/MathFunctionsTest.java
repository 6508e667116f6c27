package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Metric math's arithmetic on single values, without a twin: operators and aggregates. */
class MathFunctionsTest {

  @Test
  void arithmeticOperatorsComputeTheirValue() {
    assertThat(MathFunctions.apply("+", 2, 3)).isEqualTo(5);
    assertThat(MathFunctions.apply("-", 2, 3)).isEqualTo(-1);
    assertThat(MathFunctions.apply("*", 2, 3)).isEqualTo(6);
    assertThat(MathFunctions.apply("/", 3, 2)).isEqualTo(1.5);
    assertThat(MathFunctions.apply("^", 2, 3)).isEqualTo(8);
  }

  @Test
  void aMissingOperandMakesTheResultMissing() {
    assertThat(MathFunctions.apply("+", Double.NaN, 1)).isNaN();
    assertThat(MathFunctions.apply("*", 1, Double.NaN)).isNaN();
    assertThat(MathFunctions.apply("OR", Double.NaN, 1)).isNaN();
  }

  @Test
  void aNonFiniteResultIsMissingNotInfinity() {
    assertThat(MathFunctions.apply("/", 1, 0)).isNaN();
    assertThat(MathFunctions.apply("/", 0, 0)).isNaN();
    assertThat(MathFunctions.apply("^", 10, 400)).isNaN();
  }

  @Test
  void comparisonsAndLogicGiveOneOrZero() {
    assertThat(MathFunctions.apply("==", 2, 2)).isEqualTo(1);
    assertThat(MathFunctions.apply("!=", 2, 2)).isEqualTo(0);
    assertThat(MathFunctions.apply("<", 1, 2)).isEqualTo(1);
    assertThat(MathFunctions.apply("<=", 2, 2)).isEqualTo(1);
    assertThat(MathFunctions.apply(">", 2, 2)).isEqualTo(0);
    assertThat(MathFunctions.apply(">=", 2, 3)).isEqualTo(0);
    assertThat(MathFunctions.apply("AND", 1, 0)).isEqualTo(0);
    assertThat(MathFunctions.apply("AND", 2, -1)).isEqualTo(1);
    assertThat(MathFunctions.apply("OR", 0, 0)).isEqualTo(0);
    assertThat(MathFunctions.apply("OR", 0, 3)).isEqualTo(1);
  }

  @Test
  void anUnknownOperatorIsAProgrammingError() {
    assertThatThrownBy(() -> MathFunctions.apply("%", 1, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("%");
  }

  @Test
  void aggregatesSkipMissingValues() {
    double[] values = {4, Double.NaN, 1, 7};
    assertThat(MathFunctions.aggregate("SUM", values)).isEqualTo(12);
    assertThat(MathFunctions.aggregate("AVG", values)).isEqualTo(4);
    assertThat(MathFunctions.aggregate("MIN", values)).isEqualTo(1);
    assertThat(MathFunctions.aggregate("MAX", values)).isEqualTo(7);
  }

  @Test
  void anAggregateOfNothingButMissingValuesIsMissing() {
    assertThat(MathFunctions.aggregate("SUM", new double[] {Double.NaN, Double.NaN})).isNaN();
    assertThat(MathFunctions.aggregate("AVG", new double[0])).isNaN();
  }

  @Test
  void negativeValuesAggregateToTheirMinimumAndMaximum() {
    double[] values = {-3, -8, -1};
    assertThat(MathFunctions.aggregate("MIN", values)).isEqualTo(-8);
    assertThat(MathFunctions.aggregate("MAX", values)).isEqualTo(-1);
  }
}
