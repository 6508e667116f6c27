package io.github.cloudtwin.appautoscaling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** A live view of a registered scalable target: its limits, policies and activities. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ScalableTarget {

  volatile ScalableTargetSpec spec;
  final Map<String, PolicyState> policies = new LinkedHashMap<>();
  final List<ScalingActivity> activities = new ArrayList<>();
  @Nullable Instant scaleOutCooldownEnd;
  @Nullable Instant scaleInCooldownEnd;
  int scaleOutBase;

  ScalableTarget(ScalableTargetSpec spec) {
    this.spec = spec;
  }

  /** {@return the registration} */
  public ScalableTargetSpec spec() {
    return spec;
  }

  /** {@return {@code service/<cluster>/<service>}} */
  public String resourceId() {
    return spec.resourceId();
  }

  /** {@return MinCapacity} */
  public int minCapacity() {
    return spec.minCapacity();
  }

  /** {@return MaxCapacity} */
  public int maxCapacity() {
    return spec.maxCapacity();
  }

  /** {@return the policies, in creation order} */
  public List<ScalingPolicy> policies() {
    synchronized (policies) {
      List<ScalingPolicy> out = new ArrayList<>();
      for (PolicyState p : policies.values()) out.add(p.view);
      return List.copyOf(out);
    }
  }

  /** {@return the scaling activities, oldest first} */
  public List<ScalingActivity> activities() {
    synchronized (activities) {
      return List.copyOf(activities);
    }
  }

  @Override
  public String toString() {
    return spec.resourceId() + " [" + spec.minCapacity() + ", " + spec.maxCapacity() + "]";
  }
}
