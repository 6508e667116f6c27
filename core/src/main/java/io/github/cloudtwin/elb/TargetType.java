package io.github.cloudtwin.elb;

/** How targets are named in a target group: by EC2 instance id, or by IP address. */
public enum TargetType {
  /** Targets are EC2 instance ids; their zone is the instance's. */
  INSTANCE,
  /** Targets are IP addresses; their zone is given at registration. */
  IP
}
