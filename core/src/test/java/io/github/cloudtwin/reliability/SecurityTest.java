package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.http.HttpListener;
import io.github.cloudtwin.report.Report;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Listeners bind to loopback only; the report writer writes where it is told; no credentials in the
 * repository.
 */
class SecurityTest {

  static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> out = new ArrayList<>();
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!ni.isUp() || ni.isLoopback()) continue;
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) out.add(a);
      }
    }
    return out;
  }

  @Test
  void httpListenerAcceptsLoopbackConnectionsOnly() throws Exception {
    List<InetAddress> external = nonLoopbackAddresses();
    assumeTrue(
        !external.isEmpty(),
        "this machine has no non-loopback address to connect from; nothing to prove");
    try (CloudTwin twin = CloudTwin.create()) {
      twin.loadBalancing()
          .createLoadBalancer(
              LoadBalancerSpec.application("web")
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
      twin.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      HttpListener http = twin.loadBalancing().startHttpListener("web");
      try (Socket ok = new Socket()) {
        ok.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), http.port()), 2000);
        assertThat(ok.isConnected()).isTrue();
      }
      for (InetAddress a : external) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(a, http.port()), 2000);
          throw new AssertionError(
              "the listener on port " + http.port() + " accepted a connection on " + a);
        } catch (IOException expected) {
          assertThat(expected)
              .as("connect to %s:%d", a, http.port())
              .isInstanceOf(java.net.ConnectException.class);
        }
      }
      assertThat(http.uri().getHost()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void reportIsWrittenExactlyWhereAsked() throws Exception {
    Path dir = Path.of("target", "security-test");
    try (CloudTwin twin = CloudTwin.create()) {
      twin.advance(Duration.ofMinutes(1));
      Path written = Report.builder(twin).title("x").build().write(dir.resolve("r.html"));
      assertThat(written.toAbsolutePath().normalize())
          .isEqualTo(dir.resolve("r.html").toAbsolutePath().normalize());
      assertThat(written.toAbsolutePath().normalize())
          .startsWith(Path.of("target").toAbsolutePath());
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("r.html");
      }
    }
  }

  static final Pattern ACCESS_KEY =
      Pattern.compile(
          "(?<![A-Z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}(?![A-Z0-9])");
  static final Pattern SECRET_ASSIGNMENT =
      Pattern.compile(
          "(?i)(aws_?secret_?access_?key|secret_?key|password|api_?key|token)\\s*[\"']?\\s*[:=]\\s*[\"']([A-Za-z0-9/+=]{20,})[\"']");
  static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

  @Test
  void noCredentialsInTheRepository() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(root.resolve("pom.xml")).exists();
    List<String> findings = new ArrayList<>();
    int scanned;
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> sources =
          files
              .filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    return !rel.startsWith(".git/")
                        && !rel.contains("/target/")
                        && !rel.startsWith("target/")
                        && !rel.contains("/.jqwik-database")
                        && rel.matches(
                            ".*\\.(java|md|xml|properties|yml|yaml|json|txt|sh|cmd|html|cfg|conf)$|.*/run$|mvnw");
                  })
              .toList();
      scanned = sources.size();
      for (Path p : sources) {
        String text = Files.readString(p, StandardCharsets.ISO_8859_1);
        for (Pattern pattern : List.of(ACCESS_KEY, SECRET_ASSIGNMENT, PRIVATE_KEY)) {
          Matcher m = pattern.matcher(text);
          while (m.find()) findings.add(root.relativize(p) + ": " + m.group());
        }
      }
    }
    assertThat(scanned).as("source files scanned").isGreaterThan(100);
    assertThat(findings).as("credential-looking strings").isEmpty();
  }
}
