package io.github.cloudtwin.elb;

import java.util.Map;
import java.util.TreeMap;

/**
 * One load balancer's target response times per minute, stamped with the minute's start as its
 * metrics are, kept for 15 days (CloudWatch's retention of one-minute datapoints). Kernel lock
 * only.
 */
final class ResponseTimeHistory {

  private static final long RETENTION_MILLIS = 15L * 24 * 60 * 60 * 1000;

  private final TreeMap<Long, ResponseTimes> byMinute = new TreeMap<>();

  /** Keeps the minute stamped {@code stamp}; a minute without answers is not kept. */
  void put(long stamp, ResponseTimes minute) {
    if (minute.isEmpty()) return;
    byMinute.put(stamp, minute);
    byMinute.headMap(stamp - RETENTION_MILLIS).clear();
  }

  /** {@return the minutes stamped in [from, to) together} */
  ResponseTimes between(long from, long to) {
    if (to <= from) return ResponseTimes.NONE;
    ResponseTimes out = ResponseTimes.NONE;
    for (Map.Entry<Long, ResponseTimes> e : byMinute.subMap(from, true, to, false).entrySet())
      out = out.plus(e.getValue());
    return out;
  }
}
