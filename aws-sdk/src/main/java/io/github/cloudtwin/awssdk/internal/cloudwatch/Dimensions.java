package io.github.cloudtwin.awssdk.internal.cloudwatch;

import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.cloudwatch.MetricId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

/**
 * Metric dimensions both ways: a request's {@code Dimensions} as a map (each with a name and a
 * value), a metric's as the SDK's.
 */
final class Dimensions {

  private Dimensions() {}

  static Map<String, String> dimensions(List<Dimension> dims) {
    Map<String, String> out = new TreeMap<>();
    if (dims == null) return out;
    for (Dimension d : dims) {
      if (d.name() == null || d.value() == null) {
        throw AwsErrorException.badRequest(
            "MissingParameter",
            "The parameters Dimensions.member.Name and" + " Dimensions.member.Value are required.");
      }
      out.put(d.name(), d.value());
    }
    return out;
  }

  static List<Dimension> dimensions(MetricId m) {
    List<Dimension> out = new ArrayList<>();
    for (Map.Entry<String, String> e : m.dimensions().entrySet()) {
      out.add(Dimension.builder().name(e.getKey()).value(e.getValue()).build());
    }
    return out;
  }
}
