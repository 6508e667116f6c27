package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The settings a twin is created with, from the annotation or the programmatic builder. */
record TwinSettings(
    String origin,
    long seed,
    String region,
    int availabilityZones,
    Instant start,
    TwinLifecycle lifecycle,
    ReportMode report,
    List<Consumer<CloudTwin.Builder>> configurers,
    List<Consumer<CloudTwin>> setups) {

  TwinSettings {
    configurers = List.copyOf(configurers);
    setups = List.copyOf(setups);
  }

  static TwinSettings of(CloudTwinTest a, Class<?> on) {
    String origin = "@CloudTwinTest on " + on.getName();
    Instant start;
    try {
      start = Instant.parse(a.start());
    } catch (java.time.format.DateTimeParseException e) {
      throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
          origin
              + ": start = \""
              + a.start()
              + "\" is not an ISO-8601 instant; write it like"
              + " \"2026-01-01T00:00:00Z\".");
    }
    return new TwinSettings(
        origin,
        a.seed(),
        a.region(),
        a.availabilityZones(),
        start,
        a.lifecycle(),
        a.report(),
        List.of(),
        List.of());
  }

  static TwinSettings defaults(Class<?> on) {
    return new TwinSettings(
        "@ExtendWith(CloudTwinExtension.class) on " + on.getName(),
        0,
        "us-east-1",
        3,
        CloudTwin.DEFAULT_START,
        TwinLifecycle.PER_METHOD,
        ReportMode.ON_FAILURE,
        List.of(),
        List.of());
  }

  CloudTwin.Builder builder() {
    return CloudTwin.builder()
        .region(region)
        .availabilityZones(availabilityZones)
        .seed(seed)
        .start(start);
  }
}
