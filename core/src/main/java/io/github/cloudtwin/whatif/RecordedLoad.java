package io.github.cloudtwin.whatif;

import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads recorded CloudWatch data into a {@link RecordedSeries}: the AWS CLI's {@code aws cloudwatch
 * get-metric-data} JSON ({@code MetricDataResults} with {@code Timestamps} and {@code Values}), its
 * {@code get-metric-statistics} JSON ({@code Datapoints}), and plain CSV lines of {@code
 * timestamp,value}. Timestamps are ISO-8601 with an offset ({@code Z}, {@code +00:00}, {@code
 * +02:00}: converted to instants) or whole epoch seconds; a local time without an offset is refused
 * as ambiguous. Every error is a {@link ValidationException} naming the file, the line or index,
 * and the value. Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RecordedLoad {

  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");

  private RecordedLoad() {}

  /**
   * Reads a file by its content: JSON with {@code MetricDataResults} (exactly one result) or {@code
   * Datapoints} (exactly one statistic), otherwise CSV.
   *
   * @param file the file
   * @return the series
   */
  public static RecordedSeries read(Path file) {
    return parse(name(file), text(file));
  }

  /**
   * Reads text by its content, as {@link #read(Path)}.
   *
   * @param source the name to use in messages (a file or resource name)
   * @param text the content
   * @return the series
   */
  public static RecordedSeries parse(String source, String text) {
    Require.notNull("text", text);
    String t = text.stripLeading();
    if (t.startsWith("\uFEFF")) t = t.substring(1);
    if (t.startsWith("{")) {
      Map<String, Object> root = object(source, Json.parse(source, text), "the document");
      if (root.containsKey("MetricDataResults")) return metricData(source, root, null);
      if (root.containsKey("Datapoints")) return metricStatistics(source, root, null);
      throw new ValidationException(
          source,
          "members " + root.keySet(),
          "the output of aws cloudwatch get-metric-data (MetricDataResults) or get-metric-statistics (Datapoints)");
    }
    return csv(source, text);
  }

  /**
   * Reads {@code aws cloudwatch get-metric-data} output, picking the result with {@code id} (all
   * results with that id are joined, as the CLI's pages are).
   *
   * @param file the file
   * @param id the query's {@code Id}; null when the file holds exactly one result
   * @return the series
   */
  public static RecordedSeries metricData(Path file, String id) {
    String source = name(file);
    return metricData(source, object(source, Json.parse(source, text(file)), "the document"), id);
  }

  /**
   * Reads {@code aws cloudwatch get-metric-statistics} output.
   *
   * @param file the file
   * @param statistic the statistic to read ({@code Average}, {@code Sum}, ...); null when the
   *     datapoints carry exactly one
   * @return the series, with the unit the datapoints name
   */
  public static RecordedSeries metricStatistics(Path file, Statistic statistic) {
    String source = name(file);
    return metricStatistics(
        source, object(source, Json.parse(source, text(file)), "the document"), statistic);
  }

  /**
   * Reads CSV: one {@code timestamp,value} per line, an optional header line, blank lines ignored.
   *
   * @param source the name to use in messages
   * @param text the content
   * @return the series (without a unit)
   */
  public static RecordedSeries csv(String source, String text) {
    Require.notBlank("source", source);
    String[] lines = text.split("\r?\n", -1);
    List<Instant> ts = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    boolean first = true;
    for (int n = 0; n < lines.length; n++) {
      String line = n == 0 && lines[n].startsWith("\uFEFF") ? lines[n].substring(1) : lines[n];
      if (line.isBlank()) continue;
      String where = source + " line " + (n + 1);
      String[] f = line.split(",", -1);
      if (f.length != 2) {
        throw new ValidationException(where, line, "two comma-separated fields: timestamp,value");
      }
      String tf = f[0].strip();
      String vf = f[1].strip();
      if (first && !NUMBER.matcher(vf).matches() && !looksLikeTimestamp(tf)) {
        first = false; // a header such as timestamp,value
        continue;
      }
      first = false;
      ts.add(timestamp(where, tf));
      vs.add(number(where, vf));
      origins.add("line " + (n + 1));
    }
    return series(source, "", null, ts, vs, origins);
  }

  // ------------------------------------------------------------------ get-metric-data

  private static RecordedSeries metricData(
      String source, Map<String, Object> root, @Nullable String id) {
    List<Object> results = list(source, root.get("MetricDataResults"), "MetricDataResults");
    List<Integer> chosen = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int r = 0; r < results.size(); r++) {
      Map<String, Object> res = object(source, results.get(r), "MetricDataResults[" + r + "]");
      Object rid = res.get("Id");
      if (!(rid instanceof String s))
        throw new ValidationException(source + " MetricDataResults[" + r + "].Id", rid, "a string");
      if (!ids.contains(s)) ids.add(s);
      if (id == null || id.equals(s)) chosen.add(r);
    }
    if (id == null && ids.size() != 1) {
      throw new ValidationException(
          source + " MetricDataResults",
          ids.isEmpty() ? "no results" : "ids " + ids,
          "exactly one result, or name the query's Id (RecordedLoad.metricData(file, id))");
    }
    if (chosen.isEmpty())
      throw new ValidationException(
          source + " MetricDataResults", id, "the Id of a result: " + ids);
    List<Instant> ts = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    String label = "";
    for (int r : chosen) {
      String at = "MetricDataResults[" + r + "]";
      Map<String, Object> res = object(source, results.get(r), at);
      Object status = res.get("StatusCode");
      if (status != null && !"Complete".equals(status) && !"PartialData".equals(status)) {
        throw new ValidationException(
            source + " " + at + ".StatusCode",
            status,
            "Complete or PartialData (the query failed: see the export's Messages)");
      }
      if (res.get("Label") instanceof String l) label = l;
      List<Object> t = list(source, res.get("Timestamps"), at + ".Timestamps");
      List<Object> v = list(source, res.get("Values"), at + ".Values");
      if (t.size() != v.size()) {
        throw new ValidationException(
            source + " " + at,
            t.size() + " Timestamps and " + v.size() + " Values",
            "as many Values as Timestamps");
      }
      for (int i = 0; i < t.size(); i++) {
        ts.add(
            timestamp(
                source + " " + at + ".Timestamps[" + i + "]",
                string(source, t.get(i), at + ".Timestamps[" + i + "]")));
        vs.add(number(source, v.get(i), at + ".Values[" + i + "]"));
        origins.add(at + ".Values[" + i + "]");
      }
    }
    return series(source, label, null, ts, vs, origins);
  }

  // ------------------------------------------------------------------ get-metric-statistics

  private static RecordedSeries metricStatistics(
      String source, Map<String, Object> root, @Nullable Statistic statistic) {
    List<Object> dps = list(source, root.get("Datapoints"), "Datapoints");
    String label = root.get("Label") instanceof String l ? l : "";
    String stat = statistic == null ? null : statistic.name();
    record Point(Instant t, double v, String origin) {}
    List<Point> points = new ArrayList<>();
    StandardUnit unit = null;
    for (int i = 0; i < dps.size(); i++) {
      String at = "Datapoints[" + i + "]";
      Map<String, Object> d = object(source, dps.get(i), at);
      if (stat == null) {
        List<String> present = new ArrayList<>();
        for (String k : new String[] {"SampleCount", "Average", "Sum", "Minimum", "Maximum"}) {
          if (d.containsKey(k)) present.add(k);
        }
        if (d.get("ExtendedStatistics") instanceof Map<?, ?> ext) {
          for (Object k : ext.keySet()) present.add(String.valueOf(k));
        }
        if (present.size() != 1) {
          throw new ValidationException(
              source + " " + at,
              "statistics " + present,
              "exactly one statistic per datapoint, or name the one to read (RecordedLoad.metricStatistics(file, statistic))");
        }
        stat = present.get(0);
      }
      Object raw =
          d.containsKey(stat)
              ? d.get(stat)
              : d.get("ExtendedStatistics") instanceof Map<?, ?> ext ? ext.get(stat) : null;
      if (raw == null)
        throw new ValidationException(
            source + " " + at + "." + stat, null, "a value for the statistic " + stat);
      double v = number(source, raw, at + "." + stat);
      Instant t =
          timestamp(
              source + " " + at + ".Timestamp",
              string(source, d.get("Timestamp"), at + ".Timestamp"));
      if (d.containsKey("Unit")) {
        StandardUnit u =
            unit(source + " " + at + ".Unit", string(source, d.get("Unit"), at + ".Unit"));
        if (unit != null && u != unit) {
          throw new ValidationException(
              source + " " + at + ".Unit",
              u.awsName(),
              "the unit of the datapoints before it: " + unit.awsName());
        }
        unit = u;
      }
      points.add(new Point(t, v, at + "." + stat));
    }
    // GetMetricStatistics returns datapoints in no particular order
    points.sort(Comparator.comparing(Point::t));
    List<Instant> ts = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    for (Point p : points) {
      ts.add(p.t());
      vs.add(p.v());
      origins.add(p.origin());
    }
    return series(source, label, unit, ts, vs, origins);
  }

  // ------------------------------------------------------------------ helpers

  private static RecordedSeries series(
      String source,
      String label,
      @Nullable StandardUnit unit,
      List<Instant> ts,
      List<Double> vs,
      List<String> origins) {
    double[] v = new double[vs.size()];
    for (int i = 0; i < v.length; i++) v[i] = vs.get(i);
    return RecordedSeries.of(
        source, label, unit, ts.toArray(new Instant[0]), v, origins.toArray(new String[0]));
  }

  static StandardUnit unit(String where, String name) {
    for (StandardUnit u : StandardUnit.values()) {
      if (u.awsName().equals(name)) return u;
    }
    List<String> names = new ArrayList<>();
    for (StandardUnit u : StandardUnit.values()) names.add(u.awsName());
    throw new ValidationException(where, name, "a CloudWatch unit the twin knows: " + names);
  }

  private static boolean looksLikeTimestamp(String s) {
    return EPOCH_SECONDS.matcher(s).matches()
        || (s.length() >= 10 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-');
  }

  static Instant timestamp(String where, String s) {
    if (EPOCH_SECONDS.matcher(s).matches()) return Instant.ofEpochSecond(Long.parseLong(s));
    String iso =
        s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      try {
        java.time.LocalDateTime.parse(iso);
        throw new ValidationException(
            where, s, "a timestamp with an offset (Z or +hh:mm): a local time is ambiguous");
      } catch (DateTimeParseException notLocal) {
        throw new ValidationException(
            where,
            s,
            "an ISO-8601 timestamp with an offset, such as 2026-01-05T10:00:00Z or 2026-01-05T12:00:00+02:00, or epoch seconds");
      }
    }
  }

  private static double number(String where, String s) {
    if (!NUMBER.matcher(s).matches()) {
      throw new ValidationException(where, s, "a decimal number (no NaN, infinity or empty value)");
    }
    double d = Double.parseDouble(s);
    if (!Double.isFinite(d)) throw new ValidationException(where, s, "a finite number");
    return d;
  }

  private static double number(String source, @Nullable Object o, String at) {
    if (o instanceof Double d) return d;
    throw new ValidationException(source + " " + at, o, "a number");
  }

  private static String string(String source, @Nullable Object o, String at) {
    if (o instanceof String s) return s;
    throw new ValidationException(source + " " + at, o, "a string");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String source, @Nullable Object o, String at) {
    if (o instanceof Map<?, ?> m) return (Map<String, Object>) m;
    throw new ValidationException(
        source + " " + at, o == null ? null : o.getClass().getSimpleName(), "a JSON object");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(String source, @Nullable Object o, String at) {
    if (o instanceof List<?> l) return (List<Object>) l;
    throw new ValidationException(
        source + " " + at, o == null ? null : o.getClass().getSimpleName(), "a JSON array");
  }

  private static String name(Path file) {
    Require.notNull("file", file);
    Path n = file.getFileName();
    return n == null ? file.toString() : n.toString();
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
