package io.github.cloudtwin.facts;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * What one timeline event says happened, as data: the typed payload of a {@link
 * io.github.cloudtwin.kernel.TimelineEvent}. The event's resource, kind, message and details are
 * rendered from it; reports, assertions and listeners read the fact, never the text.
 *
 * <p>The hierarchy is sealed, one sub-interface per AWS service, so a {@code switch} over a fact
 * can be exhaustive. Facts are immutable values.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface Fact
    permits Ec2Fact,
        CloudWatchFact,
        AutoScalingFact,
        ElbFact,
        EcsFact,
        ServiceScalingFact,
        TrafficFact,
        ExperimentFact,
        Note {

  /**
   * {@return the resource the fact is about, as {@code type/name} (for instance {@code group/web})}
   */
  String resource();

  /** {@return a short stable word for what happened, such as {@code state-change}} */
  String kind();

  /** {@return the human-readable sentence, in AWS's words where AWS has them} */
  String message();

  /**
   * {@return a few of the fact's values as text (immutable, insertion-ordered); empty by default}
   */
  default Map<String, String> details() {
    return Map.of();
  }
}
