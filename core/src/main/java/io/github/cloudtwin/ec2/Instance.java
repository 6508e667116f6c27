package io.github.cloudtwin.ec2;

import io.github.cloudtwin.kernel.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A live view of one EC2 instance. Its state changes as virtual time passes; read it again to see
 * the current values. Thread-safe for reads.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Instance {

  private final String instanceId;
  private final InstanceSpec spec;
  private final InstanceType type;
  private final Instant launchTime;
  private final @Nullable String groupName;
  private volatile InstanceState state = InstanceState.PENDING;
  private volatile boolean crashed;
  private volatile boolean zoneImpaired;
  private volatile Instant stateSince;
  private volatile @Nullable Instant rebalanceRecommendedAt;
  private volatile @Nullable Instant interruptionTime;

  /** Publishing state of the CPU publisher (simulation thread only). */
  @Nullable Object publisherState;

  private final Timeline timeline;

  Instance(String instanceId, InstanceSpec spec, Instant launchTime, Timeline timeline) {
    this.timeline = timeline;
    this.instanceId = instanceId;
    this.spec = spec;
    this.type = InstanceType.of(spec.instanceType());
    this.launchTime = launchTime;
    this.groupName = spec.tags().get(Ec2.GROUP_TAG);
    this.stateSince = launchTime;
  }

  /**
   * {@return the twin's timeline, where this resource's events ({@code instance/<id>}) are
   * recorded}
   */
  public Timeline timeline() {
    return timeline;
  }

  /** {@return the id, such as {@code i-0a1b2c3d4e5f60718}} */
  public String instanceId() {
    return instanceId;
  }

  /** {@return what the instance was launched with} */
  public InstanceSpec spec() {
    return spec;
  }

  /** {@return the instance type} */
  public InstanceType instanceType() {
    return type;
  }

  /** {@return On-Demand or Spot} */
  public PurchaseOption purchaseOption() {
    return spec.purchaseOption();
  }

  /** {@return when EC2 sent this Spot Instance a rebalance recommendation, or null (none)} */
  public @Nullable Instant rebalanceRecommendedAt() {
    return rebalanceRecommendedAt;
  }

  /**
   * {@return when EC2 interrupts (or interrupted) this Spot Instance, as its interruption notice
   * gives it, or null (no notice)}
   */
  public @Nullable Instant interruptionTime() {
    return interruptionTime;
  }

  /** {@return the zone name} */
  public String availabilityZone() {
    return spec.availabilityZone();
  }

  /** {@return when it was launched} */
  public Instant launchTime() {
    return launchTime;
  }

  /**
   * Uptime at {@code now}.
   *
   * @param now the now
   * @return uptime at {@code now}
   */
  public Duration uptime(Instant now) {
    return Duration.between(launchTime, now);
  }

  /** {@return the current lifecycle state} */
  public InstanceState state() {
    return state;
  }

  /** {@return when the current state began} */
  public Instant stateSince() {
    return stateSince;
  }

  /**
   * {@return the Auto Scaling group that launched it (tag {@code aws:autoscaling:groupName}), or
   * null}
   */
  public @Nullable String groupName() {
    return groupName;
  }

  /** {@return the tags} */
  public Map<String, String> tags() {
    return spec.tags();
  }

  /**
   * {@return whether the instance passes its EC2 status checks: running and not crashed or cut off}
   */
  public boolean statusOk() {
    return state == InstanceState.RUNNING && !crashed && !zoneImpaired;
  }

  /** {@return whether it answers requests and reports metrics: same as {@link #statusOk()}} */
  public boolean isReachable() {
    return statusOk();
  }

  /** {@return whether a crash fault holds it (running, but not answering)} */
  public boolean isCrashed() {
    return crashed;
  }

  /** {@return whether its zone is impaired} */
  public boolean isZoneImpaired() {
    return zoneImpaired;
  }

  void state(InstanceState s, Instant at) {
    this.state = s;
    this.stateSince = at;
  }

  void rebalanceRecommendedAt(Instant at) {
    this.rebalanceRecommendedAt = at;
  }

  void interruptionTime(Instant at) {
    this.interruptionTime = at;
  }

  void crashed(boolean c) {
    this.crashed = c;
  }

  void zoneImpaired(boolean z) {
    this.zoneImpaired = z;
  }

  @Override
  public String toString() {
    return instanceId + " (" + type.name() + ", " + spec.availabilityZone() + ", " + state + ")";
  }
}
