package io.github.cloudtwin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes of an answer as the listener writes them. */
class ResponsesTest {

  @Test
  void anAnswerIsStatusLineHeadersInOrderContentLengthThenTheBody() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-B", "2");
    headers.put("X-A", "1");

    byte[] out = Responses.encode(404, headers, Responses.text("nö"), false);

    assertThat(new String(out, StandardCharsets.UTF_8))
        .isEqualTo("HTTP/1.1 404 Not Found\r\nX-B: 2\r\nX-A: 1\r\nContent-Length: 3\r\n\r\nnö");
  }

  @Test
  void aClosingAnswerSaysConnectionClose() {
    byte[] out = Responses.encode(503, Map.of(), new byte[0], true);

    assertThat(new String(out, StandardCharsets.ISO_8859_1))
        .isEqualTo(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  }

  @Test
  void aStatusWithoutAListedReasonIsNamedByItsNumber() {
    assertThat(Responses.reason(418)).isEqualTo("Status 418");
    assertThat(Responses.reason(413)).isEqualTo("Content Too Large");
    assertThat(Responses.reason(431)).isEqualTo("Request Header Fields Too Large");
  }
}
