package io.github.cloudtwin.benchmarks.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.cloudtwin.CloudTwin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * as plain JUnit tests without the extension ({@link PlainJUnitTests}) and in a plain loop without
 * JUnit: wall time and the process's CPU time of each, so that JUnit's own per-test cost and the
 * extension's are told apart (the differences). Every parallel test's timeline digest must equal
 * the sequential one: twins that shared anything mutable would drift.
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
   * @param args tests (1000), measured rounds (5), threads for the parallel runs (2), and a text
   *     that only the runs to time contain (all by default; to profile one of them)
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    int tests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    String only = args.length > 3 ? args[3] : "";
    Map<String, List<long[]>> runs = new LinkedHashMap<>();
    Recorder record =
        (round, name, run) -> {
          if (!name.contains(only)) return;
          long cpu0 = processCpuNanos();
          long thread0 = THREADS.getCurrentThreadCpuTime();
          long wall = run.wallNanos();
          long thread = THREADS.getCurrentThreadCpuTime() - thread0;
          long cpu = processCpuNanos() - cpu0;
          if (round >= 0)
            runs.computeIfAbsent(name, k -> new ArrayList<>()).add(new long[] {wall, cpu, thread});
        };
    System.setProperty(SmallTwinTests.COUNT, Integer.toString(tests));
    String expected = plainDigest();
    String loadBefore = loadAverage();
    for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up and is not counted
      record.run(round, "plain loop, 1 thread", () -> plain(tests, 1, expected));
      record.run(
          round, "plain loop, " + threads + " threads", () -> plain(tests, threads, expected));
      record.run(
          round,
          "JUnit, plain @ParameterizedTest, sequential",
          () -> junit(PlainJUnitTests.class, tests, 1, expected));
      record.run(
          round,
          "JUnit, plain @ParameterizedTest, parallel on " + threads + " threads",
          () -> junit(PlainJUnitTests.class, tests, threads, expected));
      record.run(
          round,
          "JUnit + @CloudTwinTest, sequential",
          () -> junit(SmallTwinTests.class, tests, 1, expected));
      record.run(
          round,
          "JUnit + @CloudTwinTest, parallel on " + threads + " threads",
          () -> junit(SmallTwinTests.class, tests, threads, expected));
    }
    System.out.printf(
        "%d tests, median of %d rounds, %d cores, load average %s before, %s after%n",
        tests, rounds, Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
    System.out.println(
        "| run | wall (ms) | process CPU (ms) | wall per test (µs) | process CPU per test (µs) |"
            + " calling thread's CPU per test (µs) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    List<long[]> medians = new ArrayList<>();
    runs.forEach(
        (name, list) -> {
          long wall = median(list, 0);
          long cpu = median(list, 1);
          long thread = median(list, 2);
          medians.add(new long[] {wall, cpu, thread});
          System.out.printf(
              "| %s | %.1f | %.1f | %.1f | %.1f | %s |%n",
              name,
              wall / 1e6,
              cpu / 1e6,
              wall / 1e3 / tests,
              cpu / 1e3 / tests,
              name.contains("threads") ? "-" : String.format("%.1f", thread / 1e3 / tests));
        });
    if (medians.size() < 6) return; // some runs were filtered out
    System.out.printf(
        "per test, sequential, the calling thread's CPU: JUnit %.1f µs, the extension %.1f µs%n",
        (medians.get(2)[2] - medians.get(0)[2]) / 1e3 / tests,
        (medians.get(4)[2] - medians.get(2)[2]) / 1e3 / tests);
  }

  /** One run's wall time; answers it. */
  private interface Run {
    long wallNanos() throws Exception;
  }

  /** Times one run unless it is filtered out, and keeps its figures after the warm-up round. */
  private interface Recorder {
    void run(int round, String name, Run run) throws Exception;
  }

  private static long median(List<long[]> list, int index) {
    List<Long> values = new ArrayList<>();
    for (long[] v : list) values.add(v[index]);
    Collections.sort(values);
    return values.get(values.size() / 2);
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** The process's CPU time (user and system, every thread: GC and JIT included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String plainDigest() {
    try (CloudTwin twin = CloudTwin.builder().seed(11).build()) {
      SmallScenario.run(twin);
      return SmallScenario.digest(twin);
    }
  }

  private static long plain(int tests, int threads, String expected) throws Exception {
    if (threads == 1) { // in the calling thread, so that its CPU time is the run's
      long start = System.nanoTime();
      for (int i = 0; i < tests; i++) {
        String digest = plainTest();
        if (!digest.equals(expected))
          throw new IllegalStateException("timeline differs: " + digest + " vs " + expected);
      }
      return System.nanoTime() - start;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<String>> digests = new ArrayList<>();
      for (int i = 0; i < tests; i++) {
        digests.add(pool.submit(SuiteMain::plainTest));
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

  private static String plainTest() {
    try (CloudTwin twin = CloudTwin.builder().seed(11).build()) {
      if (SmallScenario.run(twin) <= 2) throw new IllegalStateException("no scale-out");
      return SmallScenario.digest(twin);
    }
  }

  private static long junit(Class<?> suite, int tests, int threads, String expected) {
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite));
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
