package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.cloudwatch.MathExpression.Node;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated list of {@link MetricDataQuery}s: every expression parsed, every id resolved, no
 * cycle, every node typed (scalar, time series, array of time series) with the period of its
 * series. Evaluates on a grid of periods: each time series is one value per period, NaN where the
 * period has no value (missing).
 *
 * <p>Parsing is {@link MathExpression}'s, typing {@link MathTyping}'s, evaluation {@link
 * MathEvaluator}'s and the arithmetic {@link MathFunctions}'; this class holds the compiled list
 * and the values they exchange.
 */
final class MetricMath {

  enum Type {
    SCALAR,
    SERIES,
    ARRAY
  }

  /** The static type of a node; {@code period} in seconds for series and arrays. */
  record Typed(Type type, long period) {}

  /** The periods evaluated: start (inclusive) and end (exclusive) of each, oldest first. */
  record Grid(long[] starts, long[] ends, long periodSeconds) {
    int size() {
      return starts.length;
    }
  }

  /**
   * Where the values of a {@code MetricStat} come from: one statistic per period, NaN = missing.
   */
  interface Source {
    double[] values(MetricStat stat, Grid grid);
  }

  sealed interface Value permits Scalar, Series, Arr {}

  record Scalar(double value) implements Value {}

  record Series(double[] values, String label) implements Value {}

  record Arr(List<Series> items) implements Value {}

  private final List<MetricDataQuery> queries;
  private final Map<String, MetricDataQuery> byId = new LinkedHashMap<>();
  private final Map<String, Node> trees = new HashMap<>();
  private final Map<String, Typed> types = new HashMap<>();

  private MetricMath(List<MetricDataQuery> queries) {
    this.queries = List.copyOf(queries);
  }

  /**
   * Validates a query list; throws a ValidationException naming the query and, for expressions, the
   * position.
   *
   * @param queries the queries
   * @return the compiled list
   */
  static MetricMath compile(List<MetricDataQuery> queries) {
    MetricMath m = new MetricMath(queries);
    for (MetricDataQuery q : queries) {
      if (q == null) throw new ValidationException("Metrics", null, "no null element");
      if (m.byId.put(q.id(), q) != null) {
        throw new ValidationException(
            "Metrics[" + q.id() + "].Id", q.id(), "an id used once in the metrics list");
      }
    }
    for (MetricDataQuery q : queries) {
      String expression = q.expression();
      if (expression != null) m.trees.put(q.id(), MathExpression.parse(q.id(), expression));
    }
    MathTyping typing = new MathTyping(m.queries, m.byId, m.trees, m.types);
    for (MetricDataQuery q : queries) {
      Typed t = typing.typeOf(q.id(), new LinkedHashSet<>());
      if (q.period() != null && t.type() != Type.SCALAR && t.period() != q.period().getSeconds()) {
        throw new ValidationException(
            "Metrics[" + q.id() + "].Period",
            q.period(),
            "the period of the expression's metrics (" + t.period() + " s)");
      }
    }
    return m;
  }

  List<MetricDataQuery> queries() {
    return queries;
  }

  /** The type of query {@code id}, one of the compiled list's ids. */
  Typed type(String id) {
    return Objects.requireNonNull(types.get(id), () -> "no query " + id + " in the compiled list");
  }

  /** The query {@code id}, one of the compiled list's ids. */
  MetricDataQuery query(String id) {
    return Objects.requireNonNull(byId.get(id), () -> "no query " + id + " in the compiled list");
  }

  /** The parsed tree of expression {@code id}: {@link #compile} parses every expression. */
  static Node tree(Map<String, Node> trees, String id) {
    return Objects.requireNonNull(trees.get(id), () -> "expression " + id + " was not parsed");
  }

  /** Evaluates queries on one grid, each at most once. */
  final class Evaluation {
    private final MathEvaluator evaluator;

    Evaluation(Grid grid, Source source) {
      this.evaluator = new MathEvaluator(queries, byId, trees, grid, source);
    }

    Grid grid() {
      return evaluator.grid();
    }

    Value value(String id) {
      return evaluator.value(id);
    }
  }
}
