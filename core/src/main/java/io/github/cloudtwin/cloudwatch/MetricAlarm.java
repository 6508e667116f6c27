package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.Timeline;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A live view of one metric alarm: its definition, state, reason and history. Read it again to see
 * the current values. Touching a deleted alarm fails, naming when it was deleted.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class MetricAlarm {

  private final Timeline timeline;
  private volatile MetricAlarmSpec spec;
  private volatile AlarmState state = AlarmState.INSUFFICIENT_DATA;
  private volatile String stateReason = "Unchecked: Initial alarm creation";
  private volatile @Nullable StateReasonData stateReasonData;
  private volatile Instant stateUpdatedTimestamp;
  private volatile long lastTransitionEventId;
  private volatile @Nullable Instant deletedAt;
  private volatile @Nullable Instant firstDatapointAt;

  // The newest evaluation, written in place by the simulation thread and read by any thread under
  // a sequence lock: evalSeq is odd while a write is under way, and a reader retries until it saw
  // the same even value before and after copying. The writer never waits and allocates only when
  // the range's length changes.
  private static final VarHandle EVAL_SEQ;

  static {
    try {
      EVAL_SEQ = MethodHandles.lookup().findVarHandle(MetricAlarm.class, "evalSeq", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private int evalSeq;
  private long evalAt;
  private double @Nullable [] evalValues; // null before the first evaluation
  private AlarmState evalResult = AlarmState.INSUFFICIENT_DATA;

  /** The newest evaluation's newest real datapoint, or NaN (simulation thread only). */
  private double evalNewest = Double.NaN;

  private final List<AlarmHistoryItem> history = new ArrayList<>();
  final long createdSeq;

  /** The series of the metric, resolved once per definition (simulation thread only). */
  @Nullable MetricSeries cachedSeries;

  @Nullable MetricAlarmSpec cachedFor;

  /** The number of the definition's statistic ({@link BucketReads#kindOf}), with the series. */
  int cachedKind;

  /** The compiled metric math of a math alarm, once per definition (simulation thread only). */
  private @Nullable MetricMath cachedMath;

  private @Nullable MetricAlarmSpec mathFor;

  MetricMath math(MetricAlarmSpec s) {
    if (cachedMath == null || mathFor != s) {
      cachedMath = MathAlarms.compile(s.metrics());
      mathFor = s;
    }
    return cachedMath;
  }

  /**
   * {@return the twin's timeline, where this resource's events ({@code alarm/<name>}) are recorded}
   */
  public Timeline timeline() {
    return timeline;
  }

  MetricAlarm(Timeline timeline, MetricAlarmSpec spec, Instant createdAt, long createdSeq) {
    this.timeline = timeline;
    this.spec = spec;
    this.stateUpdatedTimestamp = createdAt;
    this.createdSeq = createdSeq;
  }

  /** The result of one evaluation: the datapoints of the evaluation range, oldest first. */
  public static final class Evaluation {
    private final Instant evaluatedAt;
    private final double[] values;
    private final AlarmState result;

    Evaluation(Instant evaluatedAt, double[] values, AlarmState result) {
      this.evaluatedAt = evaluatedAt;
      this.values = values;
      this.result = result;
    }

    /** {@return when the evaluation ran} */
    public Instant evaluatedAt() {
      return evaluatedAt;
    }

    /** {@return the datapoints of the evaluation range, oldest first; NaN = missing} */
    public List<Double> datapoints() {
      List<Double> out = new ArrayList<>(values.length);
      for (double v : values) out.add(v);
      return List.copyOf(out);
    }

    /** {@return the newest datapoint that was not missing, or NaN} */
    public double newestDatapoint() {
      for (int i = values.length - 1; i >= 0; i--) {
        if (!Double.isNaN(values[i])) return values[i];
      }
      return Double.NaN;
    }

    /** {@return the state the evaluation gave (the kept state when the rules keep it)} */
    public AlarmState result() {
      return result;
    }
  }

  /** {@return the alarm's name} */
  public String alarmName() {
    return spec.alarmName();
  }

  /** {@return the alarm's current definition} */
  public MetricAlarmSpec spec() {
    checkLive();
    return spec;
  }

  /** {@return the current state} */
  public AlarmState state() {
    checkLive();
    return state;
  }

  /** {@return why the alarm is in its state, in AWS's words} */
  public String stateReason() {
    checkLive();
    return stateReason;
  }

  /**
   * {@return what the evaluation that set the state saw, as AWS's {@code StateReasonData} ({@link
   * StateReasonData#toJson()} is the JSON string); null before the first transition and after
   * {@code SetAlarmState}}
   */
  public @Nullable StateReasonData stateReasonData() {
    checkLive();
    return stateReasonData;
  }

  /** {@return when the state last changed (or the alarm was created)} */
  public Instant stateUpdatedTimestamp() {
    checkLive();
    return stateUpdatedTimestamp;
  }

  /** {@return the timeline event of the last state change, or 0 when the state never changed} */
  public long lastTransitionEventId() {
    return lastTransitionEventId;
  }

  /**
   * The newest evaluation: the datapoints of the evaluation range (NaN = missing), oldest first,
   * and what they gave. Null before the first evaluation.
   *
   * @return the newest evaluation: the datapoints of the evaluation range (NaN = missing), oldest
   *     first, and what they gave; null before the first evaluation
   */
  public @Nullable Evaluation lastEvaluation() {
    while (true) {
      int seq = (int) EVAL_SEQ.getAcquire(this);
      if ((seq & 1) == 0) {
        double[] v = evalValues;
        double[] copy = v == null ? null : v.clone();
        long at = evalAt;
        AlarmState result = evalResult;
        VarHandle.loadLoadFence();
        if ((int) EVAL_SEQ.getAcquire(this) == seq) {
          return copy == null ? null : new Evaluation(Instant.ofEpochMilli(at), copy, result);
        }
      }
      Thread.onSpinWait();
    }
  }

  /** The newest evaluation's newest datapoint that was not missing, or NaN (simulation thread). */
  double lastEvaluatedDatapoint() {
    return evalNewest;
  }

  /**
   * {@return when an evaluation first found a datapoint in its range, or null if none ever did (the
   * alarm has seen no data of its metric: a misspelt metric or dimension, or no data yet)}
   */
  public @Nullable Instant firstDatapointAt() {
    return firstDatapointAt;
  }

  /** {@return the history, oldest first (an immutable snapshot)} */
  public List<AlarmHistoryItem> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  /** {@return the state changes only, oldest first} */
  public List<AlarmHistoryItem> stateHistory() {
    List<AlarmHistoryItem> out = new ArrayList<>();
    for (AlarmHistoryItem h : history()) {
      if (h.type().equals("StateUpdate")) out.add(h);
    }
    return List.copyOf(out);
  }

  /**
   * The state changes at instants in [{@code from}, {@code to}], oldest first.
   *
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   * @return the state changes at instants in [{@code from}, {@code to}], oldest first
   */
  public List<AlarmHistoryItem> stateChangesBetween(Instant from, Instant to) {
    io.github.cloudtwin.internal.kernel.Require.notNull("from", from);
    io.github.cloudtwin.internal.kernel.Require.notNull("to", to);
    List<AlarmHistoryItem> out = new ArrayList<>();
    for (AlarmHistoryItem h : stateHistory()) {
      if (!h.timestamp().isBefore(from) && !h.timestamp().isAfter(to)) out.add(h);
    }
    return List.copyOf(out);
  }

  /**
   * When the alarm first went to {@code state}, if it ever did.
   *
   * @param state the state
   * @return when the alarm first went to {@code state}, if it ever did
   */
  public java.util.Optional<Instant> firstTransitionTo(AlarmState state) {
    for (AlarmHistoryItem h : stateHistory()) {
      if (h.newState() == state) return java.util.Optional.of(h.timestamp());
    }
    return java.util.Optional.empty();
  }

  /** {@return whether the alarm was deleted} */
  public boolean isDeleted() {
    return deletedAt != null;
  }

  private void checkLive() {
    Instant d = deletedAt;
    if (d != null) {
      throw new IllegalStateException(
          "Alarm \"" + spec.alarmName() + "\" was deleted at " + d + "; it no longer has a state.");
    }
  }

  // ---- mutators for the registry, the evaluator and the transitions (package-private)

  void spec(MetricAlarmSpec s) {
    this.spec = s;
  }

  void state(
      AlarmState s, String reason, @Nullable StateReasonData data, Instant at, long eventId) {
    this.state = s;
    this.stateReason = reason;
    this.stateReasonData = data;
    this.stateUpdatedTimestamp = at;
    this.lastTransitionEventId = eventId;
  }

  void addHistory(AlarmHistoryItem item) {
    synchronized (history) {
      history.add(item);
    }
  }

  /**
   * Records an evaluation at {@code at}: the first {@code range} entries of {@code values} (copied)
   * and the state it gave. Simulation thread only.
   */
  void recordEvaluation(long at, double[] values, int range, AlarmState result) {
    int seq = evalSeq;
    EVAL_SEQ.setOpaque(this, seq + 1);
    VarHandle.storeStoreFence();
    double[] v = evalValues;
    if (v == null || v.length != range) {
      v = new double[range];
      evalValues = v;
    }
    System.arraycopy(values, 0, v, 0, range);
    evalAt = at;
    evalResult = result;
    EVAL_SEQ.setRelease(this, seq + 2);
    double newest = AlarmEvaluator.newestReal(v, range);
    evalNewest = newest;
    if (firstDatapointAt == null && !Double.isNaN(newest)) {
      firstDatapointAt = Instant.ofEpochMilli(at);
    }
  }

  void deleted(Instant at) {
    this.deletedAt = at;
  }

  @Override
  public String toString() {
    return "MetricAlarm[" + spec.alarmName() + ", " + state + "]";
  }
}
