package io.github.cloudtwin.awswire;

import io.github.cloudtwin.CloudTwin;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A twin behind a loopback endpoint, from the command line, for the AWS CLI, boto3 and scripts
 * outside JUnit: {@code java -cp <class path> io.github.cloudtwin.awswire.LoopbackMain [--zones N]
 * [--seed S]}. It prints {@code endpoint http://127.0.0.1:<port>} and serves until it is stopped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LoopbackMain {

  private LoopbackMain() {}

  /**
   * Starts a twin and its endpoint and serves until the process is stopped.
   *
   * @param args {@code --zones N} (1 to 6, default 3) and {@code --seed S} (default 0)
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    start(args, System.out);
    new CountDownLatch(1).await();
  }

  /**
   * Starts a twin and its endpoint and prints the endpoint.
   *
   * @param args {@code --zones N} and {@code --seed S}
   * @param out where the endpoint is printed
   * @return the running endpoint (closing it stops it; the twin stays open)
   * @throws IllegalArgumentException on an unknown argument or a value that is not a number
   */
  public static LoopbackEndpoint start(String[] args, PrintStream out) {
    int zones = 3;
    long seed = 0;
    for (int i = 0; i < args.length; i++) {
      @Nullable String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--zones" -> zones = Integer.parseInt(required(args[i], value));
        case "--seed" -> seed = Long.parseLong(required(args[i], value));
        default ->
            throw new IllegalArgumentException(
                "unknown argument " + args[i] + " (allowed: --zones N, --seed S)");
      }
      i++;
    }
    CloudTwin twin = CloudTwin.builder().availabilityZones(zones).seed(seed).build();
    LoopbackEndpoint endpoint = AwsWire.of(twin).startEndpoint();
    out.println("endpoint " + endpoint.uri());
    out.flush();
    return endpoint;
  }

  private static String required(String name, @Nullable String value) {
    if (value == null) throw new IllegalArgumentException(name + " needs a value");
    return value;
  }
}
