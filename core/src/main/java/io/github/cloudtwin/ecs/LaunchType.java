package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/** Where a task runs: on the cluster's EC2 container instances, or on Fargate. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum LaunchType {
  /** On registered container instances. */
  EC2,
  /** On Fargate: awsvpc only, valid task sizes only (aws-behaviour.md 5.10). */
  FARGATE
}
