package io.github.cloudtwin.ec2;

import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;

/**
 * Contributes CPU utilization to instances, for instance from the load-balancer traffic they serve.
 * EC2 sums the contributions with the instance's idle level and caps at 100 %.
 *
 * <p>A model that adds the same load to every instance over a minute says so with {@link
 * #sameForEveryInstance}: EC2 then asks {@link #averageCpu} once for that minute and adds the one
 * answer to every instance it publishes for, instead of asking once per instance. {@link
 * #uniform(UniformCpuLoad)} builds such a model from a function of the window alone.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface CpuLoadModel {

  /**
   * The average CPU percentage this model adds to {@code instance} over {@code [fromMillis,
   * toMillis)} of virtual time; 0 when it adds nothing.
   *
   * @param instance the instance
   * @param fromMillis the from millis
   * @param toMillis the to millis
   * @return the average CPU percentage this model adds to {@code instance} over {@code [fromMillis,
   *     toMillis)} of virtual time; 0 when it adds nothing
   */
  double averageCpu(Instance instance, long fromMillis, long toMillis);

  /**
   * Whether {@link #averageCpu} gives every instance the same answer over {@code [fromMillis,
   * toMillis)}. EC2 asks this once per published minute, before it asks {@link #averageCpu} for
   * that minute; when true it asks {@link #averageCpu} once, with the first instance it publishes
   * for, and adds that answer to every instance. The default, false, asks per instance. A model
   * that answers true must give every instance the same double over that window and must not count
   * on being called once per instance.
   *
   * @param fromMillis the window's start (inclusive)
   * @param toMillis the window's end (exclusive)
   * @return whether every instance gets the same answer over the window
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  default boolean sameForEveryInstance(long fromMillis, long toMillis) {
    return false;
  }

  /**
   * A model that adds {@code load}'s answer to every instance: asked once per published minute, not
   * once per instance.
   *
   * @param load the CPU percentage added to every instance over a window
   * @return the model
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  static CpuLoadModel uniform(UniformCpuLoad load) {
    Require.notNull("load", load);
    return new CpuLoadModel() {
      @Override
      public double averageCpu(Instance instance, long fromMillis, long toMillis) {
        return load.averageCpu(fromMillis, toMillis);
      }

      @Override
      public boolean sameForEveryInstance(long fromMillis, long toMillis) {
        return true;
      }
    };
  }

  /** The CPU percentage a {@link #uniform(UniformCpuLoad)} model adds to every instance. */
  @FunctionalInterface
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  interface UniformCpuLoad {

    /**
     * The average CPU percentage added to every instance over {@code [fromMillis, toMillis)}.
     *
     * @param fromMillis the window's start (inclusive)
     * @param toMillis the window's end (exclusive)
     * @return the percentage; 0 when nothing is added
     */
    double averageCpu(long fromMillis, long toMillis);
  }
}
