package io.github.cloudtwin.awswire;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One HTTP response of a wire protocol: status, headers and body.
 *
 * @param status the HTTP status code
 * @param headers the headers
 * @param body the body
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
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
