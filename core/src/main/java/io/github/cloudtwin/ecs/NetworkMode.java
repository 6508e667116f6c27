package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/** A task definition's Docker networking mode, with AWS's names. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum NetworkMode {
  /** Docker's bridge network; host ports may be dynamic (the default on Linux EC2). */
  BRIDGE("bridge"),
  /** The container port is taken on the host: one task per port per instance. */
  HOST("host"),
  /** One ENI and private IP per task; required by Fargate; target groups of type ip. */
  AWSVPC("awsvpc"),
  /** No external networking. */
  NONE("none");

  private final String awsName;

  NetworkMode(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the mode as the ECS API writes it} */
  public String awsName() {
    return awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
