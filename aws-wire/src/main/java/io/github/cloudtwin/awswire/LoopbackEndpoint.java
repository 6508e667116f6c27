package io.github.cloudtwin.awswire;

import io.github.cloudtwin.awswire.internal.ControlApi;
import io.github.cloudtwin.awswire.internal.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import org.apiguardian.api.API;

/**
 * The wire protocols on a real HTTP/1.1 endpoint, {@code http://127.0.0.1:<ephemeral port>/} (never
 * any other interface), for the AWS CLI, boto3 and SDKs of other languages ({@code --endpoint-url},
 * {@code AWS_ENDPOINT_URL}). Beside the services it answers a small control API under {@code
 * /_cloudtwin/} for users outside JUnit: {@code GET time}, {@code POST advance?seconds=N}, {@code
 * POST inject-metric?metric=M&group=G&value=V&minutes=N}, {@code POST fail-zone?zone=Z}, {@code
 * POST restore-zone?zone=Z}. Requests are answered on virtual time: the clock moves only when told
 * to. Thread-safe; close it to free the port.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LoopbackEndpoint implements AutoCloseable {

  private final LoopbackServer server;

  private LoopbackEndpoint(LoopbackServer server) {
    this.server = server;
  }

  static LoopbackEndpoint start(AwsWire wire) {
    ControlApi control = new ControlApi(wire.twin());
    try {
      LoopbackServer server =
          new LoopbackServer(
              "endpoint",
              r -> r.path().startsWith(ControlApi.PREFIX) ? control.handle(r) : wire.handle(r));
      LoopbackEndpoint endpoint = new LoopbackEndpoint(server);
      wire.twin().closeOnClose(endpoint);
      return endpoint;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not open the loopback endpoint on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** {@return the port on 127.0.0.1} */
  public int port() {
    return server.port();
  }

  /** {@return the endpoint, such as {@code http://127.0.0.1:53124}, for {@code --endpoint-url}} */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Stops the listener and frees the port (also done when the twin closes). */
  @Override
  public void close() {
    server.close();
  }
}
