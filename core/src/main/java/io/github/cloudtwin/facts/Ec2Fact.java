package io.github.cloudtwin.facts;

import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ec2.ZoneState;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What EC2 records: instances launched, their state changes and crashes, zones impaired and
 * restored, capacity for an instance type in a zone lost and regained, Spot pools changed, and the
 * three steps of a Spot interruption (rebalance recommendation, interruption notice, interruption).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface Ec2Fact extends Fact {

  /**
   * An instance was launched (it starts pending).
   *
   * @param instanceId the instance id
   * @param instanceType the instance type, for instance {@code m5.large}
   * @param availabilityZone the zone it runs in
   * @param purchaseOption On-Demand or Spot
   */
  record InstanceLaunched(
      String instanceId,
      String instanceType,
      String availabilityZone,
      PurchaseOption purchaseOption)
      implements Ec2Fact {

    /**
     * An On-Demand launch.
     *
     * @param instanceId the instance id
     * @param instanceType the instance type
     * @param availabilityZone the zone
     */
    public InstanceLaunched(String instanceId, String instanceType, String availabilityZone) {
      this(instanceId, instanceType, availabilityZone, PurchaseOption.ON_DEMAND);
    }

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
      return "launched "
          + instanceType
          + " in "
          + availabilityZone
          + (purchaseOption == PurchaseOption.SPOT ? " as a Spot Instance" : "")
          + " (pending)";
    }

    @Override
    public Map<String, String> details() {
      return Details.of(
          "instanceType",
          instanceType,
          "availabilityZone",
          availabilityZone,
          "purchaseOption",
          purchaseOption == PurchaseOption.SPOT ? purchaseOption.toString() : null);
    }
  }

  /**
   * An instance changed state.
   *
   * @param instanceId the instance id
   * @param from the state before
   * @param to the state after
   */
  record InstanceStateChanged(String instanceId, InstanceState from, InstanceState to)
      implements Ec2Fact {
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
   * @param insufficient true when launches of the type there now fail with
   *     InsufficientInstanceCapacity
   */
  record ZoneCapacityChanged(String zone, String instanceType, boolean insufficient)
      implements Ec2Fact {
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

  /**
   * A Spot pool's price or capacity was set (by the test, or by EC2 reclaiming capacity).
   *
   * @param zone the zone name
   * @param instanceType the instance type
   * @param spotPrice the Spot price, USD per hour
   * @param capacity how many Spot Instances the pool holds at most
   */
  record SpotPoolChanged(String zone, String instanceType, double spotPrice, int capacity)
      implements Ec2Fact {
    @Override
    public String resource() {
      return "zone/" + zone;
    }

    @Override
    public String kind() {
      return "spot-pool";
    }

    @Override
    public String message() {
      return "Spot pool " + instanceType + ": price " + spotPrice + " USD/h, capacity " + capacity;
    }
  }

  /**
   * EC2 sent an instance rebalance recommendation: the Spot Instance is at elevated risk of
   * interruption (EventBridge {@code EC2 Instance Rebalance Recommendation}).
   *
   * @param instanceId the Spot Instance
   */
  record RebalanceRecommended(String instanceId) implements Ec2Fact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "rebalance-recommendation";
    }

    @Override
    public String message() {
      return "EC2 instance rebalance recommendation: elevated risk of Spot interruption";
    }
  }

  /**
   * EC2 sent the two-minute Spot Instance interruption notice (EventBridge {@code EC2 Spot Instance
   * Interruption Warning}, instance action {@code terminate}).
   *
   * @param instanceId the Spot Instance
   * @param instanceActionTime when EC2 interrupts it, two minutes later
   */
  record SpotInterruptionNoticed(String instanceId, Instant instanceActionTime) implements Ec2Fact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "spot-interruption-notice";
    }

    @Override
    public String message() {
      return "Spot Instance interruption notice: terminate at " + instanceActionTime;
    }
  }

  /**
   * EC2 interrupted a Spot Instance: it reclaims the capacity and terminates the instance.
   *
   * @param instanceId the Spot Instance
   */
  record SpotInstanceInterrupted(String instanceId) implements Ec2Fact {
    @Override
    public String resource() {
      return "instance/" + instanceId;
    }

    @Override
    public String kind() {
      return "spot-interruption";
    }

    @Override
    public String message() {
      return "Spot Instance interrupted: EC2 reclaims the capacity (terminate)";
    }
  }
}
