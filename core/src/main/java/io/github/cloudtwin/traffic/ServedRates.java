package io.github.cloudtwin.traffic;

import io.github.cloudtwin.internal.LoadBalancerTraffic;
import io.github.cloudtwin.internal.LoadBalancerTraffic.ServedRate;
import java.util.Arrays;

/**
 * The served-rate handles of the instances the CPU model is asked about, in the order it was asked
 * the minute before: the CPU publisher asks about the same instances in the same order every
 * minute, so the instance asked about {@code k}-th this minute is, nearly always, the one asked
 * about {@code k}-th the minute before, and its handle is found by comparing one reference instead
 * of looking the target up by id. An instance that is no longer asked about is dropped when the one
 * after it is asked about; a new one is inserted where it is first asked about. Whatever the order,
 * every answer comes from the handle of the instance asked about (checked by reference), so the
 * answers are those of a look-up. Kernel lock only.
 */
final class ServedRates {

  /**
   * How far ahead a miss looks for the instance asked about (instances that stopped being asked).
   */
  private static final int LOOK_AHEAD = 8;

  private final LoadBalancerTraffic offered;
  private Object[] instances = new Object[16];
  private ServedRate[] handles = new ServedRate[16];

  /** The entries of the last minute's order (and of this minute's so far, before the cursor). */
  private int size;

  private int cursor;
  private long minute = Long.MIN_VALUE;

  ServedRates(LoadBalancerTraffic offered) {
    this.offered = offered;
  }

  /**
   * The handle of {@code instance} (compared by reference; {@code targetId} its target id), asked
   * about for the window starting at {@code fromMillis}.
   */
  ServedRate of(Object instance, String targetId, long fromMillis) {
    if (fromMillis != minute) {
      // a new minute: the order asked last minute, up to where it was asked
      if (cursor < size) truncate(cursor);
      minute = fromMillis;
      cursor = 0;
    }
    int k = cursor++;
    if (k < size && instances[k] == instance) return handles[k];
    for (int j = k + 1; j < size && j <= k + LOOK_AHEAD; j++) {
      if (instances[j] == instance) {
        // the instances between were not asked about this time: drop them
        remove(k, j - k);
        return handles[k];
      }
    }
    ServedRate h = offered.servedRateOf(targetId);
    insert(k, instance, h);
    return h;
  }

  private void truncate(int n) {
    Arrays.fill(instances, n, size, null);
    Arrays.fill(handles, n, size, null);
    size = n;
  }

  private void remove(int at, int n) {
    System.arraycopy(instances, at + n, instances, at, size - at - n);
    System.arraycopy(handles, at + n, handles, at, size - at - n);
    Arrays.fill(instances, size - n, size, null);
    Arrays.fill(handles, size - n, size, null);
    size -= n;
  }

  private void insert(int at, Object instance, ServedRate h) {
    if (size == instances.length) {
      instances = Arrays.copyOf(instances, size * 2);
      handles = Arrays.copyOf(handles, size * 2);
    }
    System.arraycopy(instances, at, instances, at + 1, size - at);
    System.arraycopy(handles, at, handles, at + 1, size - at);
    instances[at] = instance;
    handles[at] = h;
    size++;
  }
}
