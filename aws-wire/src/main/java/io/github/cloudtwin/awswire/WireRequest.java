package io.github.cloudtwin.awswire;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a wire protocol sees it: method, path with its raw query string, headers
 * (names case-insensitive) and body. Built by the doors (the SDK's HTTP-client hook, the loopback
 * endpoint) and handed to {@link AwsWire#handle}.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param path the path, such as {@code /} or {@code
 *     /service/GraniteServiceVersion20100801/operation/PutMetricData}
 * @param rawQuery the raw (still percent-encoded) query string, empty when there is none
 * @param headers the headers, keyed case-insensitively (one value each; repeated headers joined by
 *     commas)
 * @param body the body, empty when there is none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record WireRequest(
    String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

  /**
   * Validates and copies the parts.
   *
   * @param method the HTTP method
   * @param path the path
   * @param rawQuery the raw query string
   * @param headers the headers
   * @param body the body
   */
  public WireRequest {
    Objects.requireNonNull(method, "method");
    path = path == null || path.isEmpty() ? "/" : path;
    rawQuery = rawQuery == null ? "" : rawQuery;
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(Objects.requireNonNull(headers, "headers"));
    headers = java.util.Collections.unmodifiableMap(h);
    body = body == null ? new byte[0] : body;
  }

  /**
   * One header's value.
   *
   * @param name the header's name, in any case
   * @return its value, or {@code null} when the request lacks it
   */
  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** {@return the media type of the body without parameters, lower case, or an empty string} */
  public String mediaType() {
    String type = header("Content-Type");
    if (type == null) return "";
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
