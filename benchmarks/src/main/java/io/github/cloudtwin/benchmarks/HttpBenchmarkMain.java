package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetDescription;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.http.HttpListener;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Starts a twin with an ALB in three zones whose six IP targets all proxy to one real backend
 * ({@code http://127.0.0.1:<backendPort>}), starts its real HTTP listener, prints {@code PORT
 * <port>} and serves until standard input closes (or the process is stopped). Used by {@code
 * benchmarks/scripts/http-vs-nginx.sh}.
 */
public final class HttpBenchmarkMain {

  private HttpBenchmarkMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: HttpBenchmarkMain <backendPort>");
      System.exit(2);
    }
    int backend = Integer.parseInt(args[0]);
    try (CloudTwin twin = CloudTwin.builder().seed(1).build()) {
      List<String> zones = twin.config().zoneNames();
      var elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.application("bench").availabilityZones(zones).build());
      elb.createTargetGroup(
          TargetGroupSpec.builder("tg").targetType(TargetType.IP).port(backend).build());
      elb.createListener(ListenerSpec.builder("bench", 80).forwardTo("tg").build());
      URI endpoint = URI.create("http://127.0.0.1:" + backend);
      for (int i = 0; i < 6; i++) {
        elb.registerTargets(
            "tg",
            TargetDescription.ip("10.0." + i + ".10", zones.get(i % zones.size()))
                .withEndpoint(endpoint));
      }
      twin.advance(Duration.ofMinutes(1));
      HttpListener http = elb.startHttpListener("bench");
      System.out.println("PORT " + http.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until stdin closes
      }
    }
  }
}
