package io.github.cloudtwin.report;

import io.github.cloudtwin.CloudTwin;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Contributes charts to a report, reading the twin at report time. Each service that has something
 * to plot adds one source to {@link ChartSources#standard()}; tests add their own.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface ChartSource {

  /**
   * The charts for {@code twin}, possibly none; called under no lock, read through views.
   *
   * @param twin the twin
   * @return the charts for {@code twin}, possibly none; called under no lock, read through views
   */
  List<Chart> charts(CloudTwin twin);
}
