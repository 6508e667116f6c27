package io.github.cloudtwin.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** How the listener writes an HTTP/1.1 answer, and how it closes after an error answer. */
final class Responses {

  private Responses() {}

  /** {@return {@code s} as UTF-8 bytes, the body of a plain-text answer} */
  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes one answer: status line, {@code headers}, {@code Content-Length}, {@code Connection:
   * close} when {@code close}, then the body, and flushes.
   */
  static void write(
      OutputStream out, int status, Map<String, String> headers, byte[] body, boolean close)
      throws IOException {
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (Map.Entry<String, String> e : headers.entrySet()) {
      sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    }
    sb.append("Content-Length: ").append(body.length).append("\r\n");
    if (close) sb.append("Connection: close\r\n");
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
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

  /**
   * After an error answer to a client that may still be sending (an oversized header or body),
   * half-closes and discards what it sends (at most 4 MB, at most {@code millis}), so closing does
   * not reset the connection before the client has read the answer.
   */
  static void drainBeforeClose(Socket s, InputStream in, int millis) {
    try {
      s.shutdownOutput();
      s.setSoTimeout(millis);
      long until = System.nanoTime() + millis * 1_000_000L;
      byte[] sink = new byte[16 * 1024];
      long left = 4L * 1024 * 1024;
      int n;
      while (left > 0 && System.nanoTime() < until && (n = in.read(sink)) >= 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: nothing more to do
    }
  }
}
