package io.github.cloudtwin.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The bytes of the listener's HTTP/1.1 answers. */
final class Responses {

  private Responses() {}

  /** {@return {@code s} as UTF-8 bytes, the body of a plain-text answer} */
  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The bytes of one answer: status line, {@code headers}, {@code Content-Length}, {@code
   * Connection: close} when {@code close}, then the body.
   */
  static byte[] encode(int status, Map<String, String> headers, byte[] body, boolean close) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (Map.Entry<String, String> e : headers.entrySet()) {
      sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    }
    sb.append("Content-Length: ").append(body.length).append("\r\n");
    if (close) sb.append("Connection: close\r\n");
    sb.append("\r\n");
    return bytes(sb, body);
  }

  /** {@return {@code head} as ISO-8859-1 bytes ('?' for any other character), then {@code body}} */
  static byte[] bytes(CharSequence head, byte[] body) {
    int n = head.length();
    byte[] out = new byte[n + body.length];
    for (int i = 0; i < n; i++) {
      char c = head.charAt(i);
      out[i] = c > 0xff ? (byte) '?' : (byte) c;
    }
    System.arraycopy(body, 0, out, n, body.length);
    return out;
  }

  /** {@return the reason phrase of {@code status} (RFC 9110), or "Status N" for one not listed} */
  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status " + status;
    };
  }
}
