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
import io.github.cloudtwin.cloudwatch.MetricMath.Arr;
import io.github.cloudtwin.cloudwatch.MetricMath.Grid;
import io.github.cloudtwin.cloudwatch.MetricMath.Scalar;
import io.github.cloudtwin.cloudwatch.MetricMath.Series;
import io.github.cloudtwin.cloudwatch.MetricMath.Source;
import io.github.cloudtwin.cloudwatch.MetricMath.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The evaluator of a compiled (typed) metric math list on one grid of periods: reads each
 * MetricStat from its {@link Source}, evaluates each query at most once, and applies operators
 * element-wise and CloudWatch's functions (SUM, AVG, MIN, MAX, METRICS, FILL, IF, RATE, DIFF,
 * PERIOD). Missing values stay NaN.
 */
final class MathEvaluator {

  private final List<MetricDataQuery> queries;
  private final Map<String, MetricDataQuery> byId;
  private final Map<String, Node> trees;
  private final Grid grid;
  private final Source source;
  private final Map<String, Value> done = new HashMap<>();

  MathEvaluator(
      List<MetricDataQuery> queries,
      Map<String, MetricDataQuery> byId,
      Map<String, Node> trees,
      Grid grid,
      Source source) {
    this.queries = queries;
    this.byId = byId;
    this.trees = trees;
    this.grid = grid;
    this.source = source;
  }

  Grid grid() {
    return grid;
  }

  Value value(String id) {
    Value v = done.get(id);
    if (v != null) return v;
    MetricDataQuery q = Objects.requireNonNull(byId.get(id), "only ids of the list are evaluated");
    MetricStat ms = q.metricStat();
    v =
        ms == null
            ? eval(MetricMath.tree(trees, id))
            : new Series(
                source.values(ms, grid), q.label() != null ? q.label() : ms.metric().metricName());
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
        if (v instanceof Series s)
          return new Scalar(MathFunctions.aggregate(c.function(), s.values()));
        List<Series> items = ((Arr) v).items();
        double[] out = new double[grid.size()];
        double[] column = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
          for (int k = 0; k < column.length; k++) column[k] = items.get(k).values()[i];
          out[i] = MathFunctions.aggregate(c.function(), column);
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
        if (cond instanceof Scalar
            && yes instanceof Scalar
            && (no == null || no instanceof Scalar)) {
          double cv = at(cond, 0);
          return new Scalar(
              Double.isNaN(cv)
                  ? Double.NaN
                  : cv != 0 ? at(yes, 0) : no == null ? Double.NaN : at(no, 0));
        }
        double[] out = new double[grid.size()];
        for (int i = 0; i < out.length; i++) {
          double cv = at(cond, i);
          out[i] =
              Double.isNaN(cv)
                  ? Double.NaN
                  : cv != 0 ? at(yes, i) : no == null ? Double.NaN : at(no, i);
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

  /** FILL with a keyword ({@code how}: REPEAT or LINEAR) or else a value ({@code with}). */
  private Series fill(Series s, @Nullable String how, @Nullable Value with) {
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
      Value w = Objects.requireNonNull(with, "FILL takes a value when it takes no keyword");
      for (int i = 0; i < out.length; i++) {
        if (Double.isNaN(out[i])) out[i] = at(w, i);
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
    return eachSeries(
        v,
        s -> {
          double[] out = new double[s.values().length];
          for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(s.values()[i]);
          return new Series(out, s.label());
        });
  }

  private Value binary(String op, Value l, Value r) {
    if (l instanceof Scalar a && r instanceof Scalar b)
      return new Scalar(MathFunctions.apply(op, a.value(), b.value()));
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
    for (int i = 0; i < out.length; i++) out[i] = MathFunctions.apply(op, at(l, i), at(r, i));
    return new Series(out, l instanceof Series s ? s.label() : ((Series) r).label());
  }
}
