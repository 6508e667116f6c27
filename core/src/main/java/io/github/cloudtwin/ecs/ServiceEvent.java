package io.github.cloudtwin.ecs;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A service event, as {@code DescribeServices} lists them, in AWS's words.
 *
 * @param id a unique id within the twin
 * @param createdAt when (virtual time)
 * @param message such as {@code service web has reached a steady state.}
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ServiceEvent(String id, Instant createdAt, String message) {}
