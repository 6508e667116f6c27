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
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated list of {@link MetricDataQuery}s: every expression parsed, every id resolved, no
 * cycle, every node typed (scalar, time series, array of time series) with the period of its
 * series. Evaluates on a grid of periods: each time series is one value per period, NaN where the
 * period has no value (missing).
 */
final class MetricMath {

  enum Type { SCALAR, SERIES, ARRAY }

  /** The static type of a node; {@code period} in seconds for series and arrays. */
  record Typed(Type type, long period) {}

  /** The periods evaluated: start (inclusive) and end (exclusive) of each, oldest first. */
  record Grid(long[] starts, long[] ends, long periodSeconds) {
    int size() {
      return starts.length;
    }
  }

  /** Where the values of a {@code MetricStat} come from: one statistic per period, NaN = missing. */
  interface Source {
    double[] values(MetricStat stat, Grid grid);
  }

  sealed interface Value permits Scalar, Series, Arr {}

  record Scalar(double value) implements Value {}

  record Series(double[] values, String label) implements Value {}

  record Arr(List<Series> items) implements Value {}

  private static final List<String> FUNCTIONS = List.of("AVG", "DIFF", "FILL", "IF", "MAX", "METRICS", "MIN", "PERIOD", "RATE", "SUM");

  private final List<MetricDataQuery> queries;
  private final Map<String, MetricDataQuery> byId = new LinkedHashMap<>();
  private final Map<String, Node> trees = new HashMap<>();
  private final Map<String, Typed> types = new HashMap<>();

  private MetricMath(List<MetricDataQuery> queries) {
    this.queries = List.copyOf(queries);
  }

  /**
   * Validates a query list; throws a ValidationException naming the query and, for expressions,
   * the position.
   *
   * @param queries the queries
   * @return the compiled list
   */
  static MetricMath compile(List<MetricDataQuery> queries) {
    MetricMath m = new MetricMath(queries);
    for (MetricDataQuery q : queries) {
      if (q == null) throw new ValidationException("Metrics", null, "no null element");
      if (m.byId.put(q.id(), q) != null) {
        throw new ValidationException("Metrics[" + q.id() + "].Id", q.id(), "an id used once in the metrics list");
      }
    }
    for (MetricDataQuery q : queries) {
      if (q.isExpression()) m.trees.put(q.id(), MathExpression.parse(q.id(), q.expression()));
    }
    for (MetricDataQuery q : queries) {
      Typed t = m.typeOf(q.id(), new LinkedHashSet<>());
      if (q.period() != null && t.type() != Type.SCALAR && t.period() != q.period().getSeconds()) {
        throw new ValidationException("Metrics[" + q.id() + "].Period", q.period(),
            "the period of the expression's metrics (" + t.period() + " s)");
      }
    }
    return m;
  }

  List<MetricDataQuery> queries() {
    return queries;
  }

  Typed type(String id) {
    return types.get(id);
  }

  MetricDataQuery query(String id) {
    return byId.get(id);
  }

  // ------------------------------------------------------------------ typing

  private Typed typeOf(String id, Set<String> visiting) {
    Typed known = types.get(id);
    if (known != null) return known;
    MetricDataQuery q = byId.get(id);
    Typed t;
    if (!q.isExpression()) {
      t = new Typed(Type.SERIES, q.metricStat().period().getSeconds());
    } else {
      if (!visiting.add(id)) {
        throw MathExpression.error(id, q.expression(), 1, "the expression refers back to itself through " + visiting);
      }
      t = typeOf(q, trees.get(id), visiting);
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
        throw error(q, n, "'" + r.id() + "' refers back to " + q.id() + " (a cycle: " + visiting + ")");
      }
      return typeOf(r.id(), visiting);
    }
    if (n instanceof Str s) {
      throw error(q, n, "a string (\"" + s.text() + "\") is only allowed as the argument of METRICS");
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
        if (t.type() == Type.SCALAR) throw error(q, item, "an array holds time series, not scalars");
        period = samePeriod(q, item, period, t.period());
      }
      return new Typed(Type.ARRAY, period);
    }
    Call c = (Call) n;
    return typeOfCall(q, c, visiting);
  }

  private long samePeriod(MetricDataQuery q, Node at, long a, long b) {
    if (a != 0 && b != 0 && a != b) {
      throw error(q, at, "time series of different periods (" + a + " s and " + b + " s) cannot be combined");
    }
    return a != 0 ? a : b;
  }

  private Typed combine(MetricDataQuery q, Binary b, Typed l, Typed r) {
    if (l.type() == Type.ARRAY && r.type() == Type.ARRAY) {
      throw error(q, b, "'" + b.op() + "' cannot combine two arrays of time series");
    }
    long period = samePeriod(q, b, l.period(), r.period());
    Type t = l.type() == Type.ARRAY || r.type() == Type.ARRAY ? Type.ARRAY
        : l.type() == Type.SERIES || r.type() == Type.SERIES ? Type.SERIES : Type.SCALAR;
    return new Typed(t, period);
  }

  private void arity(MetricDataQuery q, Call c, int min, int max) {
    int n = c.args().size();
    if (n < min || n > max) {
      throw error(q, c, c.function() + " takes " + (min == max ? min : min + " to " + max) + " argument" + (max == 1 ? "" : "s")
          + ", not " + n);
    }
  }

  private Typed series(MetricDataQuery q, Node arg, Set<String> visiting, String function, boolean arrays) {
    Typed t = typeOf(q, arg, visiting);
    if (t.type() == Type.SCALAR || (!arrays && t.type() == Type.ARRAY)) {
      throw error(q, arg, function + " needs a time series" + (arrays ? " or an array of time series" : "") + " here, not "
          + (t.type() == Type.SCALAR ? "a scalar" : "an array"));
    }
    return t;
  }

  private Typed typeOfCall(MetricDataQuery q, Call c, Set<String> visiting) {
    switch (c.function()) {
      case "SUM", "AVG", "MIN", "MAX" -> {
        arity(q, c, 1, 1);
        Typed t = series(q, c.args().get(0), visiting, c.function(), true);
        return t.type() == Type.ARRAY ? new Typed(Type.SERIES, t.period()) : new Typed(Type.SCALAR, 0);
      }
      case "METRICS" -> {
        arity(q, c, 0, 1);
        String filter = "";
        if (c.args().size() == 1) {
          if (!(c.args().get(0) instanceof Str s)) throw error(q, c.args().get(0), "METRICS takes a string, such as METRICS(\"errors\")");
          filter = s.text();
        }
        long period = 0;
        int matched = 0;
        for (MetricDataQuery m : queries) {
          if (!m.isExpression() && m.id().contains(filter)) {
            period = samePeriod(q, c, period, m.metricStat().period().getSeconds());
            matched++;
          }
        }
        if (matched == 0) {
          throw error(q, c, "METRICS(" + (filter.isEmpty() ? "" : "\"" + filter + "\"") + ") matches no metric (MetricStat) id in this list");
        }
        return new Typed(Type.ARRAY, period);
      }
      case "FILL" -> {
        arity(q, c, 2, 2);
        Typed t = series(q, c.args().get(0), visiting, "FILL", true);
        Node with = c.args().get(1);
        if (!(with instanceof Keyword)) {
          Typed w = typeOf(q, with, visiting);
          if (w.type() == Type.ARRAY) throw error(q, with, "FILL fills with a value, a time series, REPEAT or LINEAR, not an array");
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
          if (t.type() == Type.ARRAY) throw error(q, arg, "IF takes scalars or time series, not an array");
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
      default -> throw error(q, c, "unknown function '" + c.function() + "' (supported here: " + String.join(", ", FUNCTIONS) + ")");
    }
  }

  // ------------------------------------------------------------------ evaluation

  /** Evaluates queries on one grid, each at most once. */
  final class Evaluation {
    private final Grid grid;
    private final Source source;
    private final Map<String, Value> done = new HashMap<>();

    Evaluation(Grid grid, Source source) {
      this.grid = grid;
      this.source = source;
    }

    Grid grid() {
      return grid;
    }

    Value value(String id) {
      Value v = done.get(id);
      if (v != null) return v;
      MetricDataQuery q = byId.get(id);
      v = q.isExpression()
          ? eval(trees.get(id))
          : new Series(source.values(q.metricStat(), grid), q.label() != null ? q.label() : q.metricStat().metric().metricName());
      done.put(id, v);
      return v;
    }

    private Value eval(Node n) {
      if (n instanceof Num num) return new Scalar(num.value());
      if (n instanceof Ref r) return value(r.id());
      if (n instanceof Neg neg) return map(eval(neg.operand()), x -> -x);
      if (n instanceof Binary b) return binary(b.op(), eval(b.left()), eval(b.right()));
      if (n instanceof Array a) {
        List<Series> items = new ArrayList<>();
        for (Node item : a.items()) {
          Value v = eval(item);
          if (v instanceof Arr arr) items.addAll(arr.items());
          else items.add((Series) v);
        }
        return new Arr(List.copyOf(items));
      }
      return call((Call) n);
    }

    private Value call(Call c) {
      List<Node> args = c.args();
      switch (c.function()) {
        case "SUM", "AVG", "MIN", "MAX" -> {
          Value v = eval(args.get(0));
          if (v instanceof Series s) return new Scalar(aggregate(c.function(), s.values()));
          List<Series> items = ((Arr) v).items();
          double[] out = new double[grid.size()];
          double[] column = new double[items.size()];
          for (int i = 0; i < out.length; i++) {
            for (int k = 0; k < column.length; k++) column[k] = items.get(k).values()[i];
            out[i] = aggregate(c.function(), column);
          }
          return new Series(out, c.function());
        }
        case "METRICS" -> {
          String filter = args.isEmpty() ? "" : ((Str) args.get(0)).text();
          List<Series> items = new ArrayList<>();
          for (MetricDataQuery m : queries) {
            if (!m.isExpression() && m.id().contains(filter)) items.add((Series) value(m.id()));
          }
          return new Arr(List.copyOf(items));
        }
        case "FILL" -> {
          Value v = eval(args.get(0));
          Node with = args.get(1);
          Value w = with instanceof Keyword ? null : eval(with);
          String how = with instanceof Keyword k ? k.name() : null;
          return eachSeries(v, s -> fill(s, how, w));
        }
        case "IF" -> {
          Value cond = eval(args.get(0));
          Value yes = eval(args.get(1));
          Value no = args.size() == 3 ? eval(args.get(2)) : null;
          if (cond instanceof Scalar && yes instanceof Scalar && (no == null || no instanceof Scalar)) {
            double cv = at(cond, 0);
            return new Scalar(Double.isNaN(cv) ? Double.NaN : cv != 0 ? at(yes, 0) : no == null ? Double.NaN : at(no, 0));
          }
          double[] out = new double[grid.size()];
          for (int i = 0; i < out.length; i++) {
            double cv = at(cond, i);
            out[i] = Double.isNaN(cv) ? Double.NaN : cv != 0 ? at(yes, i) : no == null ? Double.NaN : at(no, i);
          }
          return new Series(out, "IF");
        }
        case "RATE", "DIFF" -> {
          boolean rate = c.function().equals("RATE");
          return eachSeries(eval(args.get(0)), s -> change(s, rate));
        }
        case "PERIOD" -> {
          return new Scalar(grid.periodSeconds());
        }
        default -> throw new IllegalStateException(c.function());
      }
    }

    private double at(Value v, int i) {
      return v instanceof Scalar s ? s.value() : ((Series) v).values()[i];
    }

    private Series fill(Series s, String how, Value with) {
      double[] in = s.values();
      double[] out = in.clone();
      if ("REPEAT".equals(how)) {
        double last = Double.NaN;
        for (int i = 0; i < out.length; i++) {
          if (Double.isNaN(out[i])) out[i] = last;
          else last = out[i];
        }
      } else if ("LINEAR".equals(how)) {
        int prev = -1;
        for (int i = 0; i < in.length; i++) {
          if (Double.isNaN(in[i])) continue;
          if (prev >= 0 && i - prev > 1) {
            for (int k = prev + 1; k < i; k++) {
              out[k] = in[prev] + (in[i] - in[prev]) * (k - prev) / (i - prev);
            }
          }
          prev = i;
        }
      } else {
        for (int i = 0; i < out.length; i++) {
          if (Double.isNaN(out[i])) out[i] = at(with, i);
        }
      }
      return new Series(out, s.label());
    }

    private Series change(Series s, boolean rate) {
      double[] in = s.values();
      double[] out = new double[in.length];
      int prev = -1;
      for (int i = 0; i < in.length; i++) {
        out[i] = Double.NaN;
        if (Double.isNaN(in[i])) continue;
        if (prev >= 0) {
          double d = in[i] - in[prev];
          out[i] = rate ? d / ((grid.starts()[i] - grid.starts()[prev]) / 1000.0) : d;
        }
        prev = i;
      }
      return new Series(out, s.label());
    }

    private Value eachSeries(Value v, java.util.function.UnaryOperator<Series> f) {
      if (v instanceof Series s) return f.apply(s);
      List<Series> out = new ArrayList<>();
      for (Series s : ((Arr) v).items()) out.add(f.apply(s));
      return new Arr(List.copyOf(out));
    }

    private Value map(Value v, java.util.function.DoubleUnaryOperator f) {
      if (v instanceof Scalar s) return new Scalar(f.applyAsDouble(s.value()));
      return eachSeries(v, s -> {
        double[] out = new double[s.values().length];
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(s.values()[i]);
        return new Series(out, s.label());
      });
    }

    private Value binary(String op, Value l, Value r) {
      if (l instanceof Scalar a && r instanceof Scalar b) return new Scalar(apply(op, a.value(), b.value()));
      if (l instanceof Arr arr) {
        List<Series> out = new ArrayList<>();
        for (Series s : arr.items()) out.add((Series) binary(op, s, r));
        return new Arr(List.copyOf(out));
      }
      if (r instanceof Arr arr) {
        List<Series> out = new ArrayList<>();
        for (Series s : arr.items()) out.add((Series) binary(op, l, s));
        return new Arr(List.copyOf(out));
      }
      double[] out = new double[grid.size()];
      for (int i = 0; i < out.length; i++) out[i] = apply(op, at(l, i), at(r, i));
      return new Series(out, l instanceof Series s ? s.label() : ((Series) r).label());
    }
  }

  /** One operator on two values; a missing operand or a non-finite result (x / 0) is missing. */
  static double apply(String op, double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
    double v = switch (op) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> a / b;
      case "^" -> Math.pow(a, b);
      case "==" -> a == b ? 1 : 0;
      case "!=" -> a != b ? 1 : 0;
      case "<" -> a < b ? 1 : 0;
      case "<=" -> a <= b ? 1 : 0;
      case ">" -> a > b ? 1 : 0;
      case ">=" -> a >= b ? 1 : 0;
      case "AND" -> a != 0 && b != 0 ? 1 : 0;
      case "OR" -> a != 0 || b != 0 ? 1 : 0;
      default -> throw new IllegalStateException(op);
    };
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /** SUM, AVG, MIN or MAX over the values that are not missing; NaN when all are. */
  static double aggregate(String function, double[] values) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (double v : values) {
      if (Double.isNaN(v)) continue;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      n++;
    }
    if (n == 0) return Double.NaN;
    return switch (function) {
      case "SUM" -> sum;
      case "AVG" -> sum / n;
      case "MIN" -> min;
      default -> max;
    };
  }
}
