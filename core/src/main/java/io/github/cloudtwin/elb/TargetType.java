package io.github.cloudtwin.elb;

import org.apiguardian.api.API;

/** How targets are named in a target group: by EC2 instance id, or by IP address. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum TargetType {
  /** Targets are EC2 instance ids; their zone is the instance's. */
  INSTANCE,
  /** Targets are IP addresses; their zone is given at registration. */
  IP
}
