package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.cloudwatch.MathExpression.Array;
import io.github.cloudtwin.cloudwatch.MathExpression.Binary;
import io.github.cloudtwin.cloudwatch.MathExpression.Call;
import io.github.cloudtwin.cloudwatch.MathExpression.Keyword;
import io.github.cloudtwin.cloudwatch.MathExpression.Neg;
import io.github.cloudtwin.cloudwatch.MathExpression.Node;
import io.github.cloudtwin.cloudwatch.MathExpression.Num;
import io.github.cloudtwin.cloudwatch.MathExpression.Ref;
import io.github.cloudtwin.cloudwatch.MathExpression.Str;
import io.github.cloudtwin.cloudwatch.MetricMath.Type;
import io.github.cloudtwin.cloudwatch.MetricMath.Typed;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The type checker of a metric math query list: gives every query and every node of its parsed
 * expression its type (scalar, time series, array of time series) and period, and rejects unknown
 * ids, cycles, functions CloudWatch does not have here, wrong arities and argument types, and
 * series of different periods, naming the query and the position. Fills the compiled list's type
 * table as it goes.
 */
final class MathTyping {

  private static final List<String> FUNCTIONS =
      List.of("AVG", "DIFF", "FILL", "IF", "MAX", "METRICS", "MIN", "PERIOD", "RATE", "SUM");

  private final List<MetricDataQuery> queries;
  private final Map<String, MetricDataQuery> byId;
  private final Map<String, Node> trees;
  private final Map<String, Typed> types;

  MathTyping(
      List<MetricDataQuery> queries,
      Map<String, MetricDataQuery> byId,
      Map<String, Node> trees,
      Map<String, Typed> types) {
    this.queries = queries;
    this.byId = byId;
    this.trees = trees;
    this.types = types;
  }

  /** The type of query {@code id}, computed once; {@code visiting} holds the ids being typed. */
  Typed typeOf(String id, Set<String> visiting) {
    Typed known = types.get(id);
    if (known != null) return known;
    MetricDataQuery q = Objects.requireNonNull(byId.get(id), "only ids of the list are typed");
    MetricStat ms = q.metricStat();
    Typed t;
    if (ms != null) {
      t = new Typed(Type.SERIES, ms.period().getSeconds());
    } else {
      if (!visiting.add(id)) {
        throw MathExpression.error(
            id, q.expression(), 1, "the expression refers back to itself through " + visiting);
      }
      t = typeOf(q, MetricMath.tree(trees, id), visiting);
      visiting.remove(id);
    }
    types.put(id, t);
    return t;
  }

  private ValidationException error(MetricDataQuery q, Node n, String what) {
    return MathExpression.error(q.id(), q.expression(), n.pos(), what);
  }

  private Typed typeOf(MetricDataQuery q, Node n, Set<String> visiting) {
    if (n instanceof Num) {
      return new Typed(Type.SCALAR, 0);
    }
    if (n instanceof Ref r) {
      if (!byId.containsKey(r.id())) {
        throw error(q, n, "unknown id '" + r.id() + "' (ids in this list: " + byId.keySet() + ")");
      }
      if (visiting.contains(r.id())) {
        throw error(
            q, n, "'" + r.id() + "' refers back to " + q.id() + " (a cycle: " + visiting + ")");
      }
      return typeOf(r.id(), visiting);
    }
    if (n instanceof Str s) {
      throw error(
          q, n, "a string (\"" + s.text() + "\") is only allowed as the argument of METRICS");
    }
    if (n instanceof Keyword k) {
      throw error(q, n, k.name() + " is only allowed as the second argument of FILL");
    }
    if (n instanceof Neg neg) {
      return typeOf(q, neg.operand(), visiting);
    }
    if (n instanceof Binary b) {
      return combine(q, b, typeOf(q, b.left(), visiting), typeOf(q, b.right(), visiting));
    }
    if (n instanceof Array a) {
      long period = 0;
      for (Node item : a.items()) {
        Typed t = typeOf(q, item, visiting);
        if (t.type() == Type.SCALAR)
          throw error(q, item, "an array holds time series, not scalars");
        period = samePeriod(q, item, period, t.period());
      }
      return new Typed(Type.ARRAY, period);
    }
    Call c = (Call) n;
    return typeOfCall(q, c, visiting);
  }

  private long samePeriod(MetricDataQuery q, Node at, long a, long b) {
    if (a != 0 && b != 0 && a != b) {
      throw error(
          q,
          at,
          "time series of different periods (" + a + " s and " + b + " s) cannot be combined");
    }
    return a != 0 ? a : b;
  }

  private Typed combine(MetricDataQuery q, Binary b, Typed l, Typed r) {
    if (l.type() == Type.ARRAY && r.type() == Type.ARRAY) {
      throw error(q, b, "'" + b.op() + "' cannot combine two arrays of time series");
    }
    long period = samePeriod(q, b, l.period(), r.period());
    Type t =
        l.type() == Type.ARRAY || r.type() == Type.ARRAY
            ? Type.ARRAY
            : l.type() == Type.SERIES || r.type() == Type.SERIES ? Type.SERIES : Type.SCALAR;
    return new Typed(t, period);
  }

  private void arity(MetricDataQuery q, Call c, int min, int max) {
    int n = c.args().size();
    if (n < min || n > max) {
      throw error(
          q,
          c,
          c.function()
              + " takes "
              + (min == max ? min : min + " to " + max)
              + " argument"
              + (max == 1 ? "" : "s")
              + ", not "
              + n);
    }
  }

  private Typed series(
      MetricDataQuery q, Node arg, Set<String> visiting, String function, boolean arrays) {
    Typed t = typeOf(q, arg, visiting);
    if (t.type() == Type.SCALAR || (!arrays && t.type() == Type.ARRAY)) {
      throw error(
          q,
          arg,
          function
              + " needs a time series"
              + (arrays ? " or an array of time series" : "")
              + " here, not "
              + (t.type() == Type.SCALAR ? "a scalar" : "an array"));
    }
    return t;
  }

  private Typed typeOfCall(MetricDataQuery q, Call c, Set<String> visiting) {
    switch (c.function()) {
      case "SUM", "AVG", "MIN", "MAX" -> {
        arity(q, c, 1, 1);
        Typed t = series(q, c.args().get(0), visiting, c.function(), true);
        return t.type() == Type.ARRAY
            ? new Typed(Type.SERIES, t.period())
            : new Typed(Type.SCALAR, 0);
      }
      case "METRICS" -> {
        arity(q, c, 0, 1);
        String filter = "";
        if (c.args().size() == 1) {
          if (!(c.args().get(0) instanceof Str s))
            throw error(q, c.args().get(0), "METRICS takes a string, such as METRICS(\"errors\")");
          filter = s.text();
        }
        long period = 0;
        int matched = 0;
        for (MetricDataQuery m : queries) {
          MetricStat ms = m.metricStat();
          if (ms != null && m.id().contains(filter)) {
            period = samePeriod(q, c, period, ms.period().getSeconds());
            matched++;
          }
        }
        if (matched == 0) {
          throw error(
              q,
              c,
              "METRICS("
                  + (filter.isEmpty() ? "" : "\"" + filter + "\"")
                  + ") matches no metric (MetricStat) id in this list");
        }
        return new Typed(Type.ARRAY, period);
      }
      case "FILL" -> {
        arity(q, c, 2, 2);
        Typed t = series(q, c.args().get(0), visiting, "FILL", true);
        Node with = c.args().get(1);
        if (!(with instanceof Keyword)) {
          Typed w = typeOf(q, with, visiting);
          if (w.type() == Type.ARRAY)
            throw error(
                q, with, "FILL fills with a value, a time series, REPEAT or LINEAR, not an array");
          samePeriod(q, with, t.period(), w.period());
        }
        return t;
      }
      case "IF" -> {
        arity(q, c, 2, 3);
        long period = 0;
        Type type = Type.SCALAR;
        for (Node arg : c.args()) {
          Typed t = typeOf(q, arg, visiting);
          if (t.type() == Type.ARRAY)
            throw error(q, arg, "IF takes scalars or time series, not an array");
          period = samePeriod(q, arg, period, t.period());
          if (t.type() == Type.SERIES) type = Type.SERIES;
        }
        return new Typed(type, period);
      }
      case "RATE", "DIFF" -> {
        arity(q, c, 1, 1);
        return series(q, c.args().get(0), visiting, c.function(), true);
      }
      case "PERIOD" -> {
        arity(q, c, 1, 1);
        series(q, c.args().get(0), visiting, "PERIOD", true);
        return new Typed(Type.SCALAR, 0);
      }
      default ->
          throw error(
              q,
              c,
              "unknown function '"
                  + c.function()
                  + "' (supported here: "
                  + String.join(", ", FUNCTIONS)
                  + ")");
    }
  }
}
