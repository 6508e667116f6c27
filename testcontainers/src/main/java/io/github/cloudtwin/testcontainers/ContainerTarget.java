package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.elb.Request;
import io.github.cloudtwin.elb.Response;
import io.github.cloudtwin.elb.TargetBehavior;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A load-balancer target answered by a real container: each health check (and each virtual request
 * sent with {@code LoadBalancing.send}) is a real HTTP request to the container's published port.
 * The latency is the measured one; no answer within the request timeout is "no response", a refused
 * or reset connection is "refused". Thread-safe; never calls into the twin.
 */
final class ContainerTarget implements TargetBehavior {

  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "content-length", "connection", "upgrade", "expect");

  private final URI endpoint;
  private final HttpClient client;
  private final Duration timeout;

  ContainerTarget(URI endpoint, HttpClient client, Duration timeout) {
    this.endpoint = endpoint;
    this.client = client;
    this.timeout = timeout;
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public Response handle(Request request) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint.resolve(request.path())).timeout(timeout);
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT)))
        b.header(h.getKey(), h.getValue());
    }
    b.method(request.method(), HttpRequest.BodyPublishers.noBody());
    long started = System.nanoTime(); // real latency of a real request
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return Response.of(r.statusCode(), Duration.ofNanos(System.nanoTime() - started), r.body());
    } catch (HttpTimeoutException e) {
      return Response.noResponse();
    } catch (ConnectException e) {
      return Response.refused();
    } catch (IOException e) {
      return Response
          .refused(); // reset or closed without an answer (docker-proxy with nothing listening)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.noResponse();
    } catch (IllegalArgumentException e) {
      return Response.refused();
    }
  }

  @Override
  public String toString() {
    return "container at " + endpoint;
  }
}
