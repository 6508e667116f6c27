package io.github.cloudtwin.facts;

import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.ZoneState;
import java.util.Map;

/**
 * What EC2 records: instances launched, their state changes and crashes, zones impaired and
 * restored, capacity for an instance type in a zone lost and regained.
 */
public sealed interface Ec2Fact extends Fact {

  /**
   * An instance was launched (it starts pending).
   *
   * @param instanceId the instance id
   * @param instanceType the instance type, for instance {@code m5.large}
   * @param availabilityZone the zone it runs in
   */
  record InstanceLaunched(String instanceId, String instanceType, String availabilityZone) implements Ec2Fact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "launch";
    }

    @Override
    public String message() {
      return "launched " + instanceType + " in " + availabilityZone + " (pending)";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("instanceType", instanceType, "availabilityZone", availabilityZone);
    }
  }

  /**
   * An instance changed state.
   *
   * @param instanceId the instance id
   * @param from the state before
   * @param to the state after
   */
  record InstanceStateChanged(String instanceId, InstanceState from, InstanceState to) implements Ec2Fact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "state";
    }

    @Override
    public String message() {
      return from + " -> " + to;
    }
  }

  /**
   * An instance crashed: it stops answering and its status check is impaired.
   *
   * @param instanceId the instance id
   */
  record InstanceCrashed(String instanceId) implements Ec2Fact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "crash";
    }

    @Override
    public String message() {
      return "crashed: not answering, status check impaired";
    }
  }

  /**
   * A crashed instance answers again.
   *
   * @param instanceId the instance id
   */
  record InstanceRecovered(String instanceId) implements Ec2Fact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "recover";
    }

    @Override
    public String message() {
      return "recovered from crash";
    }
  }

  /**
   * An availability zone was impaired or restored.
   *
   * @param zone the zone name
   * @param from the state before
   * @param to the state after
   */
  record ZoneStateChanged(String zone, ZoneState from, ZoneState to) implements Ec2Fact {
    @Override
    public String resource() {
      return "zone/" + zone;
    }

    @Override
    public String kind() {
      return to == ZoneState.IMPAIRED ? "zone-impaired" : "zone-restored";
    }

    @Override
    public String message() {
      return from + " -> " + to;
    }

    /** {@return whether the zone became impaired} */
    public boolean impaired() {
      return to == ZoneState.IMPAIRED;
    }
  }

  /**
   * EC2 ran short of (or again has) capacity for one instance type in one zone.
   *
   * @param zone the zone name
   * @param instanceType the instance type
   * @param insufficient true when launches of the type there now fail with InsufficientInstanceCapacity
   */
  record ZoneCapacityChanged(String zone, String instanceType, boolean insufficient) implements Ec2Fact {
    @Override
    public String resource() {
      return "zone/" + zone;
    }

    @Override
    public String kind() {
      return "capacity";
    }

    @Override
    public String message() {
      return (insufficient ? "insufficient capacity for " : "capacity again for ") + instanceType;
    }
  }
}
