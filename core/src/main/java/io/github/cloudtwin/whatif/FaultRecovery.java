package io.github.cloudtwin.whatif;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How the estate came back from one fault (a zone impaired, an instance crashed): the InService
 * instances of all groups just before it, the lowest count after it, and the time until the count
 * was back.
 *
 * @param resource the fault's resource, such as {@code zone/us-east-1a}
 * @param at when it happened
 * @param capacityBefore InService instances (all groups) just before
 * @param lowest the fewest InService instances after it
 * @param timeToRecover from the fault until the count was back at {@code capacityBefore} (zero when
 *     it never dropped); null when it was not back by the end of the replay
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record FaultRecovery(
    String resource, Instant at, int capacityBefore, int lowest, @Nullable Duration timeToRecover) {

  /** {@return whether the estate was back at its capacity by the end of the replay} */
  public boolean recovered() {
    return timeToRecover != null;
  }
}
