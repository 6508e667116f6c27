package io.github.cloudtwin.awswire;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP response of a wire protocol: status, headers and body.
 *
 * @param status the HTTP status code
 * @param headers the headers
 * @param body the body
 */
public record WireResponse(int status, Map<String, String> headers, byte[] body) {

  /**
   * Copies the headers.
   *
   * @param status the HTTP status code
   * @param headers the headers
   * @param body the body
   */
  public WireResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** {@return the body as UTF-8 text (for XML and JSON bodies)} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
