package io.github.cloudtwin.testcontainers;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;

/**
 * Whether Testcontainers can reach a Docker engine, and if not, why, in words a test author can act
 * on. Testcontainers itself decides (and remembers its answer for the JVM); this class only adds
 * the explanation, for instance that the engine's API is older than the 1.44 Testcontainers 2.x
 * asks for by default.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DockerAvailability {

  /**
   * System property (or environment variable {@code CLOUDTWIN_REQUIRE_DOCKER}) that turns "skip
   * without Docker" into "fail without Docker": CI sets it once it has started an engine, so a
   * broken setup cannot pass as skipped.
   */
  public static final String REQUIRE_DOCKER_PROPERTY = "cloudtwin.docker.required";

  private static final String DEFAULT_SOCKET = "/var/run/docker.sock";
  private static final Pattern API_VERSION =
      Pattern.compile("\"ApiVersion\"\\s*:\\s*\"([0-9.]+)\"");

  private DockerAvailability() {}

  /** {@return whether a Docker engine answers Testcontainers} */
  public static boolean isAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * Throws a {@link DockerUnavailableException} explaining what is missing unless Docker answers.
   */
  public static void requireAvailable() {
    if (!isAvailable()) {
      throw new DockerUnavailableException(unavailableReason());
    }
  }

  /**
   * {@return whether tests must fail (not skip) without Docker: see {@link
   * #REQUIRE_DOCKER_PROPERTY}}
   */
  public static boolean isRequired() {
    String p = System.getProperty(REQUIRE_DOCKER_PROPERTY);
    if (p == null) p = System.getenv("CLOUDTWIN_REQUIRE_DOCKER");
    return p != null && p.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /**
   * {@return why Docker is not usable, with what to do; meaningful only when {@link #isAvailable()}
   * is false}
   */
  public static String unavailableReason() {
    String dockerHost = System.getenv("DOCKER_HOST");
    String where =
        dockerHost != null
            ? "DOCKER_HOST=" + dockerHost
            : "unix://" + DEFAULT_SOCKET + " (DOCKER_HOST is not set)";
    String fix =
        " Start a Docker engine (as root: `dockerd &`; or Docker Desktop, colima, podman's Docker socket)"
            + " or point DOCKER_HOST at one; CloudTwin's .ci/run installs and starts one on Debian.";
    if (dockerHost == null || dockerHost.startsWith("unix://")) {
      Path socket =
          Path.of(dockerHost == null ? DEFAULT_SOCKET : dockerHost.substring("unix://".length()));
      if (!Files.exists(socket)) {
        return "Docker is not available: no Docker engine socket at "
            + socket
            + " ("
            + where
            + ")."
            + fix;
      }
      String version = engineApiVersion(socket);
      if (version != null
          && olderThan(version, "1.44")
          && System.getProperty("api.version") == null) {
        return "Docker is not available to Testcontainers: the engine at "
            + socket
            + " speaks Docker API "
            + version
            + ", older than the 1.44 Testcontainers 2.x asks for by default. Tell docker-java the engine's version:"
            + " -Dapi.version="
            + version
            + " (for Maven: MAVEN_ARGS=-Dapi.version="
            + version
            + "), or api.version="
            + version
            + " in ~/.docker-java.properties.";
      }
    }
    return "Docker is not available: Testcontainers found no usable Docker environment at "
        + where
        + " (see its log above for each strategy it tried)."
        + fix;
  }

  /** The engine's API version from {@code GET /version} on its unix socket, or null. */
  static @Nullable String engineApiVersion(Path socket) {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(
          ByteBuffer.wrap(
              "GET /version HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // read until the engine closes the connection (HTTP/1.0) or the buffer is full
      }
      Matcher m =
          API_VERSION.matcher(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
      return m.find() ? m.group(1) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static boolean olderThan(String version, String than) {
    String[] a = version.split("\\.");
    String[] b = than.split("\\.");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? parse(a[i]) : 0;
      int y = i < b.length ? parse(b[i]) : 0;
      if (x != y) return x < y;
    }
    return false;
  }

  private static int parse(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
