package io.github.cloudtwin.benchmarks.compare;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The typical estate both systems build, by name and number: three zones, a group of 6 instances,
 * an application load balancer with a target group and the group attached, two CPU alarms each
 * running a step policy, and an ECS cluster with a service of 12 tasks.
 */
final class Estate {

  static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");
  static final String GROUP = "web";
  static final int MIN = 6;
  static final int MAX = 12;
  static final int DESIRED = 6;
  static final String LOAD_BALANCER = "web-alb";
  static final String TARGET_GROUP = "web-tg";
  static final String SCALE_OUT = "cpu-scale-out";
  static final String SCALE_IN = "cpu-scale-in";
  static final int SCALE_OUT_STEP = 2;
  static final int SCALE_IN_STEP = -1;
  static final String ALARM_HIGH = "cpu-high";
  static final String ALARM_LOW = "cpu-low";
  static final int PERIOD_SECONDS = 300;
  static final int EVALUATION_PERIODS = 2;
  static final double HIGH_THRESHOLD = 80;
  static final double LOW_THRESHOLD = 30;
  static final String CLUSTER = "apps";
  static final String SERVICE = "api";
  static final int TASKS = 12;

  private Estate() {}

  /** "a 2 · b 2 · c 2" from zone counts keyed by full zone name. */
  static String perZone(Map<String, Integer> byZone) {
    return byZone.entrySet().stream()
        .map(e -> e.getKey().substring(e.getKey().length() - 1) + " " + e.getValue())
        .collect(Collectors.joining(" · "));
  }
}
