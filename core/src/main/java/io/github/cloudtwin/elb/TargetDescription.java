package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import java.net.URI;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A target to register: an instance id or IP address, an optional port, for IP targets the zone,
 * and optionally a real address the HTTP data plane proxies to.
 *
 * @param id an instance id ({@code i-0...}) or an IP address
 * @param port the port, or 0 for the target group's port
 * @param availabilityZone for IP targets: the zone; null for instances (their own zone)
 * @param endpoint a real HTTP address (such as {@code http://127.0.0.1:8080}) that real requests
 *     are proxied to, or null to answer with the target's behaviour
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TargetDescription(
    String id, int port, @Nullable String availabilityZone, @Nullable URI endpoint) {

  /**
   * Validates.
   *
   * @param id an instance id ({@code i-0...}) or an IP address
   * @param port the port, or 0 for the target group's port
   * @param availabilityZone for IP targets: the zone; null for instances (their own zone)
   * @param endpoint a real HTTP address (such as {@code http://127.0.0.1:8080}) that real requests
   *     are proxied to, or null to answer with the target's behaviour
   */
  public TargetDescription {
    Require.name("Targets.Id", id);
    Require.between("Targets.Port", port, 0, 65535);
  }

  /**
   * An instance target on the group's port.
   *
   * @param instanceId the instance id
   * @return an instance target on the group's port
   */
  public static TargetDescription instance(String instanceId) {
    return new TargetDescription(instanceId, 0, null, null);
  }

  /**
   * An IP target in {@code zone} on the group's port.
   *
   * @param address the address
   * @param zone the zone
   * @return an IP target in {@code zone} on the group's port
   */
  public static TargetDescription ip(String address, String zone) {
    return new TargetDescription(address, 0, Require.name("Targets.AvailabilityZone", zone), null);
  }

  /**
   * This target, proxied to {@code endpoint} by the HTTP data plane.
   *
   * @param endpoint the endpoint
   * @return this target, proxied to {@code endpoint} by the HTTP data plane
   */
  public TargetDescription withEndpoint(URI endpoint) {
    return new TargetDescription(id, port, availabilityZone, Require.notNull("endpoint", endpoint));
  }

  /**
   * This target on {@code port}.
   *
   * @param port the port
   * @return this target on {@code port}
   */
  public TargetDescription withPort(int port) {
    return new TargetDescription(id, port, availabilityZone, endpoint);
  }
}
