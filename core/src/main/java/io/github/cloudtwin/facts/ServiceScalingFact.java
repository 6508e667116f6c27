package io.github.cloudtwin.facts;

import java.util.Map;
import org.apiguardian.api.API;

/** What Application Auto Scaling records: scalable targets, their policies and activities. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface ServiceScalingFact extends Fact {

  /**
   * A scalable target was registered (or its limits changed).
   *
   * @param resourceId the scalable target's resource id, for instance {@code service/default/api}
   * @param minCapacity the minimum capacity
   * @param maxCapacity the maximum capacity
   */
  record ScalableTargetRegistered(String resourceId, int minCapacity, int maxCapacity)
      implements ServiceScalingFact {
    @Override
    public String resource() {
      return "scalable-target/" + resourceId;
    }

    @Override
    public String kind() {
      return "register";
    }

    @Override
    public String message() {
      return "registered scalable target "
          + resourceId
          + " (min "
          + minCapacity
          + ", max "
          + maxCapacity
          + ")";
    }
  }

  /**
   * A scalable target was deregistered.
   *
   * @param resourceId the scalable target's resource id, for instance {@code service/default/api}
   */
  record ScalableTargetDeregistered(String resourceId) implements ServiceScalingFact {
    @Override
    public String resource() {
      return "scalable-target/" + resourceId;
    }

    @Override
    public String kind() {
      return "deregister";
    }

    @Override
    public String message() {
      return "deregistered scalable target " + resourceId;
    }
  }

  /**
   * An Application Auto Scaling policy was put on a scalable target.
   *
   * @param policyName the policy name
   * @param resourceId the scalable target's resource id, for instance {@code service/default/api}
   * @param targetTracking whether it is a target tracking policy (otherwise step scaling)
   */
  record ServiceScalingPolicyPut(String policyName, String resourceId, boolean targetTracking)
      implements ServiceScalingFact {
    @Override
    public String resource() {
      return "scaling-policy/" + policyName;
    }

    @Override
    public String kind() {
      return "put";
    }

    @Override
    public String message() {
      return "put "
          + (targetTracking ? "TargetTrackingScaling" : "StepScaling")
          + " policy on "
          + resourceId;
    }
  }

  /**
   * Application Auto Scaling changed a scalable target's desired count.
   *
   * @param resourceId the scalable target's resource id, for instance {@code service/default/api}
   * @param description AWS's description
   * @param cause AWS's cause
   * @param desiredCount the new desired count
   */
  record ServiceScalingActivity(
      String resourceId, String description, String cause, int desiredCount)
      implements ServiceScalingFact {
    @Override
    public String resource() {
      return "scalable-target/" + resourceId;
    }

    @Override
    public String kind() {
      return "activity";
    }

    @Override
    public String message() {
      return description + " Cause: " + cause;
    }

    @Override
    public Map<String, String> details() {
      return Details.of("desiredCount", Integer.toString(desiredCount));
    }
  }
}
