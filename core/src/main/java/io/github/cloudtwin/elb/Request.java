package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One request, as a client sends it to a load balancer and as a target receives it (the load
 * balancer adds the X-Forwarded headers). Header names are case-insensitive.
 *
 * @param method such as GET
 * @param host the Host header
 * @param path the path with an optional query, starting with {@code /}
 * @param headers header name (lower-cased) to value
 * @param sourceIp the client's address
 * @param sourcePort the client's port; 0 lets {@code send} pick a new ephemeral port (a new flow)
 * @param listenerPort the listener to send to; 0 means the load balancer's first listener
 * @param healthCheck whether this is a load balancer health check
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Request(
    String method,
    String host,
    String path,
    Map<String, String> headers,
    String sourceIp,
    int sourcePort,
    int listenerPort,
    boolean healthCheck) {

  /** The user agent of ELB health checks. */
  public static final String HEALTH_CHECKER = "ELB-HealthChecker/2.0";

  /** The Host header of a request built without one. */
  static final String DEFAULT_HOST = "example.com";

  /** The client address of a request built without one. */
  static final String DEFAULT_SOURCE_IP = "198.51.100.7";

  /**
   * Validates and copies.
   *
   * @param method such as GET
   * @param host the Host header
   * @param path the path with an optional query, starting with {@code /}
   * @param headers header name (lower-cased) to value
   * @param sourceIp the client's address
   * @param sourcePort the client's port; 0 lets {@code send} pick a new ephemeral port (a new flow)
   * @param listenerPort the listener to send to; 0 means the load balancer's first listener
   * @param healthCheck whether this is a load balancer health check
   */
  public Request {
    Require.name("method", method);
    host = host == null ? DEFAULT_HOST : host;
    Require.notNull("path", path);
    if (!path.startsWith("/"))
      throw new io.github.cloudtwin.kernel.ValidationException(
          "path", path, "a path starting with /");
    if (!(headers instanceof Headers)) {
      TreeMap<String, String> h = new TreeMap<>();
      for (Map.Entry<String, String> e : Require.notNull("headers", headers).entrySet()) {
        String value = e.getValue();
        if (value == null) Require.notNull("header value of " + e.getKey(), value);
        h.put(Require.name("header name", e.getKey()).toLowerCase(Locale.ROOT), value);
      }
      headers = new Headers(h);
    }
    sourceIp = sourceIp == null ? DEFAULT_SOURCE_IP : sourceIp;
    Require.between("sourcePort", sourcePort, 0, 65535);
    Require.between("listenerPort", listenerPort, 0, 65535);
  }

  /**
   * A GET of {@code path} from the default client.
   *
   * @param path the path
   * @return a GET of {@code path} from the default client
   */
  public static Request get(String path) {
    return new Request("GET", DEFAULT_HOST, path, Map.of(), DEFAULT_SOURCE_IP, 0, 0, false);
  }

  /** {@return a GET of {@code /}} */
  public static Request get() {
    return get("/");
  }

  /**
   * This request with a Host header.
   *
   * @param host the host
   * @return this request with a Host header
   */
  public Request withHost(String host) {
    return new Request(
        method, host, path, headers, sourceIp, sourcePort, listenerPort, healthCheck);
  }

  /**
   * This request with one more header.
   *
   * @param name the name
   * @param value the value
   * @return this request with one more header
   */
  public Request withHeader(String name, String value) {
    return withLowerCaseHeaders(
        Require.name("header", name).toLowerCase(Locale.ROOT), Require.notNull("value", value));
  }

  /**
   * This request with more headers, in one copy: names already lower-case and values non-null (the
   * load balancer's X-Forwarded headers on every routed request).
   */
  Request withLowerCaseHeaders(String... namesAndValues) {
    TreeMap<String, String> h = new TreeMap<>(((Headers) headers).map);
    for (int i = 0; i < namesAndValues.length; i += 2)
      h.put(namesAndValues[i], namesAndValues[i + 1]);
    return new Request(
        method, host, path, new Headers(h), sourceIp, sourcePort, listenerPort, healthCheck);
  }

  /**
   * Headers for a request whose names are lower-case already (a real request's, as the listener
   * parsed it): checked as the constructor checks them, then taken without a copy.
   */
  static Map<String, String> lowerCaseHeaders(TreeMap<String, String> h) {
    for (Map.Entry<String, String> e : h.entrySet()) {
      Require.name("header name", e.getKey());
      if (e.getValue() == null) Require.notNull("header value of " + e.getKey(), e.getValue());
    }
    return new Headers(h);
  }

  /**
   * Validated headers (lower-case names, non-null values), read-only: a request built from another
   * request's headers does not check and copy them again.
   */
  private static final class Headers extends AbstractMap<String, String> {
    private final TreeMap<String, String> map;
    private final Set<Map.Entry<String, String>> entries;

    Headers(TreeMap<String, String> map) {
      this.map = map;
      this.entries = Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return entries;
    }

    @Override
    public @Nullable String get(Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }
  }

  /**
   * This request from another client address and port.
   *
   * @param sourceIp the source ip
   * @param sourcePort the source port
   * @return this request from another client address and port
   */
  public Request from(String sourceIp, int sourcePort) {
    return new Request(
        method, host, path, headers, sourceIp, sourcePort, listenerPort, healthCheck);
  }

  /**
   * This request to the listener on {@code port}.
   *
   * @param port the port
   * @return this request to the listener on {@code port}
   */
  public Request toListener(int port) {
    return new Request(method, host, path, headers, sourceIp, sourcePort, port, healthCheck);
  }

  /**
   * The value of a header, or null (case-insensitive).
   *
   * @param name the name
   * @return the value of a header, or null (case-insensitive)
   */
  public @Nullable String header(String name) {
    return name == null ? null : headers.get(name.toLowerCase(Locale.ROOT));
  }
}
