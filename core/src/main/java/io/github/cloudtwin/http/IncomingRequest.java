package io.github.cloudtwin.http;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One real HTTP request as the listener received it.
 *
 * @param method such as GET
 * @param path the path with its query
 * @param headers header name (lower-cased) to values
 * @param clientIp the client's address
 * @param clientPort the client's port
 * @param body the request body (empty when none)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record IncomingRequest(
    String method,
    String path,
    Map<String, List<String>> headers,
    String clientIp,
    int clientPort,
    byte[] body) {

  /**
   * The first value of a header, or null.
   *
   * @param name the name
   * @return the first value of a header, or null
   */
  public @Nullable String header(@Nullable String name) {
    if (name == null) return null;
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
