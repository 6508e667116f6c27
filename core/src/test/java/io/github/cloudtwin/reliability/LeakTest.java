package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.http.HttpListener;
import io.github.cloudtwin.realtime.RealTimeDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Opens and closes 10,000 twins (every 10th with a real HTTP listener that serves a request, every
 * 100th with a real-time driver): afterwards the thread count, the open file descriptors and the
 * listening ports are back where they started, and the heap after GC at 10,000 twins is within a
 * tolerance of the heap at 2,000.
 */
@Isolated
class LeakTest {

  static final int TWINS = Integer.getInteger("cloudtwin.leak.twins", 10_000);
  static final String A = "us-east-1a";
  static final String B = "us-east-1b";

  static long usedHeapAfterGc() {
    MemoryMXBean m = ManagementFactory.getMemoryMXBean();
    long best = Long.MAX_VALUE;
    for (int k = 0; k < 5; k++) {
      System.gc();
      best = Math.min(best, m.getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  static long openFds() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof UnixOperatingSystemMXBean u ? u.getOpenFileDescriptorCount() : -1;
  }

  /** Thread names without their numbers, counted: what leaked, if anything. */
  static TreeMap<String, Integer> threadKinds() {
    TreeMap<String, Integer> kinds = new TreeMap<>();
    for (ThreadInfo i : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
      kinds.merge(i.getThreadName().replaceAll("[0-9a-f]{4,}|[0-9]+", "#"), 1, Integer::sum);
    }
    return kinds;
  }

  /**
   * Waits (bounded, with GC, since JDK HTTP clients end their selector threads when collected) for
   * a count.
   */
  static int settledThreadCount(int target) throws InterruptedException {
    int n = ManagementFactory.getThreadMXBean().getThreadCount();
    for (int k = 0; k < 100 && n > target; k++) {
      System.gc();
      Thread.sleep(50);
      n = ManagementFactory.getThreadMXBean().getThreadCount();
    }
    return n;
  }

  static void oneTwin(int k, List<Integer> ports) throws IOException {
    try (CloudTwin twin = CloudTwin.builder().seed(k).build()) {
      twin.ec2()
          .runInstance(InstanceSpec.builder().availabilityZone(A).detailedMonitoring(true).build());
      if (k % 10 == 0) {
        twin.loadBalancing()
            .createLoadBalancer(
                LoadBalancerSpec.application("web").availabilityZones(A, B).build());
        twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
        twin.loadBalancing()
            .createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
        HttpListener http = twin.loadBalancing().startHttpListener("web");
        ports.add(http.port());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
          s.setSoTimeout(10_000);
          OutputStream out = s.getOutputStream();
          out.write(
              "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          InputStream in = s.getInputStream();
          String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
          assertThat(status).isEqualTo("HTTP/1.1 503"); // an empty target group
        }
      }
      if (k % 100 == 0) {
        RealTimeDriver.start(twin, 60, Duration.ofMillis(1));
      }
      twin.advance(Duration.ofMinutes(5));
    }
  }

  @Test
  void tenThousandTwinsLeaveNoThreadsPortsDescriptorsOrHeapBehind() throws Exception {
    // Warm up the JDK's own lazily started threads (HTTP server and client machinery, GC helpers).
    List<Integer> warm = new ArrayList<>();
    for (int k = 0; k < 20; k++) oneTwin(k * 10, warm);
    int threadsBefore = settledThreadCount(0);
    threadsBefore = settledThreadCount(threadsBefore - 1); // let stragglers of the warm-up end
    TreeMap<String, Integer> kindsBefore = threadKinds();
    long fdsBefore = openFds();
    List<Integer> ports = new ArrayList<>();
    long heapAt2000 = 0;
    long start = System.nanoTime();
    for (int k = 1; k <= TWINS; k++) {
      oneTwin(k, ports);
      if (k == TWINS / 5) heapAt2000 = usedHeapAfterGc();
    }
    long heapAtEnd = usedHeapAfterGc();
    double seconds = (System.nanoTime() - start) / 1e9;
    int threadsAfter = settledThreadCount(threadsBefore);
    long fdsAfter = openFds();
    System.out.printf(
        "LeakTest: %d twins (%d HTTP listeners, %d real-time drivers) in %.1f s; threads %d -> %d; fds %d -> %d; "
            + "heap after GC %.1f MB at %d, %.1f MB at %d%n",
        TWINS,
        ports.size(),
        TWINS / 100,
        seconds,
        threadsBefore,
        threadsAfter,
        fdsBefore,
        fdsAfter,
        heapAt2000 / 1e6,
        TWINS / 5,
        heapAtEnd / 1e6,
        TWINS);

    assertThat(threadsAfter)
        .as("threads; before %s, after %s", kindsBefore, threadKinds())
        .isLessThanOrEqualTo(threadsBefore);
    if (fdsBefore >= 0)
      assertThat(fdsAfter).as("open file descriptors").isLessThanOrEqualTo(fdsBefore + 5);
    for (int port : ports.subList(Math.max(0, ports.size() - 50), ports.size())) {
      assertThat(refused(port)).as("port %d closed", port).isTrue();
    }
    assertThat(heapAtEnd)
        .as("heap after GC at %d twins vs at %d", TWINS, TWINS / 5)
        .isLessThanOrEqualTo(heapAt2000 + 16_000_000L + heapAt2000 / 5);
  }

  static boolean refused(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return !s.isConnected();
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return true;
    }
  }
}
