package io.github.cloudtwin.ecs;

/** Where a task runs: on the cluster's EC2 container instances, or on Fargate. */
public enum LaunchType {
  /** On registered container instances. */
  EC2,
  /** On Fargate: awsvpc only, valid task sizes only (aws-behaviour.md 5.10). */
  FARGATE
}
