package io.github.cloudtwin.benchmarks.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.cloudtwin.CloudTwin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A suite of many small {@code @CloudTwinTest} methods ({@link SmallTwinTests}) run through the
 * JUnit Platform launcher, sequentially and in parallel on N threads, against the same test bodies
 * in a plain loop without JUnit: total wall time, tests per second, and the per-test cost of JUnit
 * and the extension (the difference). Every parallel test's timeline digest must equal the
 * sequential one: twins that shared anything mutable would drift.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.cloudtwin.benchmarks.suite.SuiteMain [tests] [rounds] [threads]
 * </pre>
 */
public final class SuiteMain {

  private SuiteMain() {}

  /**
   * Runs the comparison and prints a table.
   *
   * @param args tests (1000), measured rounds (5), threads for the parallel runs (2)
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    int tests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    System.setProperty(SmallTwinTests.COUNT, Integer.toString(tests));
    String expected = plainDigest();
    Map<String, List<Long>> nanos = new java.util.LinkedHashMap<>();
    for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up and is not counted
      record(nanos, round, "plain loop, 1 thread", plain(tests, 1, expected));
      record(nanos, round, "plain loop, " + threads + " threads", plain(tests, threads, expected));
      record(nanos, round, "JUnit + @CloudTwinTest, sequential", junit(tests, 1, expected));
      record(
          nanos,
          round,
          "JUnit + @CloudTwinTest, parallel on " + threads + " threads",
          junit(tests, threads, expected));
    }
    System.out.printf(
        "%d tests, median of %d rounds, %d cores, load average %s%n",
        tests, rounds, Runtime.getRuntime().availableProcessors(), loadAverage());
    System.out.println("| run | wall (ms) | tests/s | per test (µs) |");
    System.out.println("|---|---:|---:|---:|");
    Map<String, Long> medians = new java.util.LinkedHashMap<>();
    nanos.forEach(
        (name, list) -> {
          List<Long> sorted = new ArrayList<>(list);
          Collections.sort(sorted);
          long median = sorted.get(sorted.size() / 2);
          medians.put(name, median);
          System.out.printf(
              "| %s | %.1f | %.0f | %.1f |%n",
              name, median / 1e6, tests / (median / 1e9), median / 1e3 / tests);
        });
    List<Long> m = new ArrayList<>(medians.values());
    System.out.printf(
        "JUnit and the extension per test: %.1f µs sequential, %.1f µs of wall time in parallel%n",
        (m.get(2) - m.get(0)) / 1e3 / tests, (m.get(3) - m.get(1)) / 1e3 / tests);
  }

  private static void record(Map<String, List<Long>> nanos, int round, String name, long value) {
    if (round >= 0) nanos.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  private static String plainDigest() {
    try (CloudTwin twin = CloudTwin.builder().seed(11).build()) {
      SmallScenario.run(twin);
      return SmallScenario.digest(twin);
    }
  }

  private static long plain(int tests, int threads, String expected) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<String>> digests = new ArrayList<>();
      for (int i = 0; i < tests; i++) {
        digests.add(
            pool.submit(
                () -> {
                  try (CloudTwin twin = CloudTwin.builder().seed(11).build()) {
                    if (SmallScenario.run(twin) <= 2)
                      throw new IllegalStateException("no scale-out");
                    return SmallScenario.digest(twin);
                  }
                }));
      }
      for (Future<String> d : digests) {
        if (!d.get().equals(expected))
          throw new IllegalStateException("timeline differs: " + d.get() + " vs " + expected);
      }
      return System.nanoTime() - start;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long junit(int tests, int threads, String expected) {
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(SmallTwinTests.class));
    if (threads > 1) {
      request
          .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
          .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
          .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
          .configurationParameter(
              "junit.jupiter.execution.parallel.config.fixed.parallelism",
              Integer.toString(threads));
    }
    LauncherDiscoveryRequest discovery = request.build();
    Launcher launcher = LauncherFactory.create();
    AtomicLong succeeded = new AtomicLong();
    Set<String> failures = ConcurrentHashMap.newKeySet();
    Set<String> digests = Collections.synchronizedSet(new TreeSet<>());
    long start = System.nanoTime();
    launcher.execute(
        discovery,
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) return;
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL)
              succeeded.incrementAndGet();
            else
              failures.add(
                  id.getDisplayName()
                      + ": "
                      + result.getThrowable().map(Throwable::toString).orElse("?"));
          }

          @Override
          public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            entry
                .getKeyValuePairs()
                .forEach(
                    (k, v) -> {
                      if (k.equals("digest")) digests.add(v);
                    });
          }
        });
    long elapsed = System.nanoTime() - start;
    if (succeeded.get() != tests || !failures.isEmpty()) {
      throw new IllegalStateException(
          succeeded.get() + " of " + tests + " tests passed; failures: " + failures);
    }
    if (!digests.equals(Set.of(expected)))
      throw new IllegalStateException("timelines differ: " + digests + " vs " + expected);
    return elapsed;
  }

  private static String loadAverage() {
    return String.format(
        "%.2f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
