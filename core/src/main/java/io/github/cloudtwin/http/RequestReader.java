package io.github.cloudtwin.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.1 requests from one connection as RFC 9112 asks: the request line and its target
 * (origin-form, absolute-form turned into origin-form with its authority as Host, {@code OPTIONS
 * *}), header fields, a Host on every HTTP/1.1 request, and a body by Content-Length or chunked
 * transfer coding within the size limit. Anything else is a {@link BadRequest} with the status to
 * answer. Reads from a {@link ByteInput}: a message not fully received yet ends the attempt with a
 * {@link ByteInput.NeedMore}, to be tried again from its start. Not thread-safe: one event loop
 * owns it.
 */
final class RequestReader {

  /** The request line and header section together may not exceed this. */
  static final int MAX_HEADER_BYTES = 64 * 1024;

  private final ByteInput in;
  private final int maxBodyBytes;

  /** One parsed request head and body. */
  record Parsed(
      String method,
      String target,
      String version,
      Map<String, List<String>> headers,
      byte[] body) {

    boolean keepAlive() {
      String connection = HttpListener.first(headers, "connection");
      return version.equals("HTTP/1.0")
          ? connection != null && connection.equalsIgnoreCase("keep-alive")
          : connection == null || !connection.equalsIgnoreCase("close");
    }
  }

  /** Told when a request's head has been read, before its body is. */
  @FunctionalInterface
  interface HeadListener {
    /**
     * The head has been read.
     *
     * @param bodyStillToArrive whether the body the head announces has not fully arrived
     */
    void headRead(boolean bodyStillToArrive);
  }

  RequestReader(ByteInput in, int maxBodyBytes) {
    this.in = in;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The request line, or null at the end of the stream; empty lines before it are skipped. */
  @Nullable String requestLine() throws IOException {
    while (true) {
      String line;
      try {
        line = in.readLine(MAX_HEADER_BYTES);
      } catch (LineTooLongException e) {
        throw new BadRequest(414, "414 URI Too Long", true);
      }
      if (line == null) return null;
      if (!line.isEmpty()) return line;
    }
  }

  /**
   * The rest of the request after {@code requestLine}: the header section, then the body; {@code
   * listener} is told when the head has been read.
   */
  Parsed readHead(String requestLine, HeadListener listener) throws IOException {
    int sp1 = requestLine.indexOf(' ');
    int sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0)
      throw new BadRequest(400, "400 Bad Request: malformed request line", false);
    String method = requestLine.substring(0, sp1);
    String version = requestLine.substring(sp2 + 1);
    if (!(version.equals("HTTP/1.1") || version.equals("HTTP/1.0"))
        || method.isEmpty()
        || !isToken(method, 0, method.length())) {
      throw new BadRequest(400, "400 Bad Request: malformed request line", false);
    }
    Map<String, List<String>> headers = headers(requestLine.length());
    String target = requestLine.substring(sp1 + 1, sp2);
    String path;
    if (target.startsWith("/")) {
      path = target;
    } else if (target.equals("*")) {
      if (!method.equals("OPTIONS"))
        throw new BadRequest(400, "400 Bad Request: * is a target for OPTIONS only", false);
      path = "*";
    } else if (target.regionMatches(true, 0, "http://", 0, 7)
        || target.regionMatches(true, 0, "https://", 0, 8)) {
      int authorityStart = target.indexOf("//") + 2;
      int slash = target.indexOf('/', authorityStart);
      int query = target.indexOf('?', authorityStart);
      int end = slash >= 0 ? slash : query >= 0 ? query : target.length();
      String authority = target.substring(authorityStart, end);
      if (authority.isEmpty() || authority.indexOf('@') >= 0)
        throw new BadRequest(400, "400 Bad Request: absolute-form target without a host", false);
      headers.put(
          "host",
          new ArrayList<>(
              List.of(authority))); // RFC 9112 3.2.2: the target's authority wins over Host
      path = slash >= 0 ? target.substring(slash) : "/" + target.substring(end);
    } else {
      throw new BadRequest(
          400,
          "400 Bad Request: the request target must start with / (or be absolute, or * for OPTIONS)",
          false);
    }
    List<String> host = headers.get("host");
    if (version.equals("HTTP/1.1") && (host == null || host.size() != 1)) {
      throw new BadRequest(
          400, "400 Bad Request: an HTTP/1.1 request needs exactly one Host header", false);
    }
    listener.headRead(bodyStillToArrive(headers, in.buffered()));
    return new Parsed(method, path, version, headers, body(headers));
  }

  /**
   * Whether the body the headers announce is longer than the {@code buffered} bytes (a chunked body
   * when nothing of it is buffered); false for a malformed length, which {@link #body} refuses.
   */
  private static boolean bodyStillToArrive(Map<String, List<String>> headers, int buffered) {
    if (headers.containsKey("transfer-encoding")) return buffered == 0;
    List<String> cl = headers.get("content-length");
    if (cl == null || cl.size() != 1) return cl != null && buffered == 0;
    String v = cl.get(0);
    if (v.isEmpty() || v.length() > 9) return buffered == 0;
    int n = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') return buffered == 0;
      n = n * 10 + (c - '0');
    }
    return n > buffered;
  }

  private Map<String, List<String>> headers(int used) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    int headerBytes = used;
    while (true) {
      String line;
      try {
        line = in.readLine(MAX_HEADER_BYTES);
      } catch (LineTooLongException e) {
        throw new BadRequest(431, "431 Request Header Fields Too Large", true);
      }
      if (line == null)
        throw new BadRequest(
            400, "400 Bad Request: the connection ended inside the header section", false);
      if (line.isEmpty()) return headers;
      headerBytes += line.length() + 2;
      if (headerBytes > MAX_HEADER_BYTES)
        throw new BadRequest(431, "431 Request Header Fields Too Large", true);
      int colon = line.indexOf(':');
      if (colon <= 0 || !isToken(line, 0, colon)) {
        throw new BadRequest(400, "400 Bad Request: malformed header line", false);
      }
      headers
          .computeIfAbsent(lowerCaseName(line, colon), k -> new ArrayList<>(1))
          .add(line.substring(colon + 1).trim());
    }
  }

  /** The body the headers announce (also used for upstream responses). */
  byte[] body(Map<String, List<String>> headers) throws IOException {
    List<String> te = headers.get("transfer-encoding");
    if (te != null) {
      String codings = String.join(",", te).toLowerCase(Locale.ROOT).trim();
      if (!codings.equals("chunked")
          && !codings.endsWith(",chunked")
          && !codings.endsWith(", chunked")) {
        throw new BadRequest(
            400, "400 Bad Request: Transfer-Encoding must end with chunked", false);
      }
      return chunked();
    }
    List<String> cl = headers.get("content-length");
    if (cl == null) return new byte[0];
    long length = -1;
    for (String v : cl) {
      if (v.indexOf(',') < 0) length = sameLength(length, parseLength(v.trim()));
      else for (String one : v.split(",", -1)) length = sameLength(length, parseLength(one.trim()));
    }
    if (length > maxBodyBytes) {
      throw new BadRequest(413, "413 Content Too Large: at most " + maxBodyBytes + " bytes", true);
    }
    byte[] b = in.readNBytes((int) length);
    if (b.length != length)
      throw new BadRequest(400, "400 Bad Request: the connection ended inside the body", false);
    return b;
  }

  private static long parseLength(String s) throws BadRequest {
    if (s.isEmpty() || s.length() > 18 || !isDigits(s)) {
      throw new BadRequest(
          400, "400 Bad Request: Content-Length must be a non-negative decimal number", false);
    }
    return Long.parseLong(s);
  }

  /** {@return {@code n}, the same as {@code before} unless that is -1 (none yet)} */
  private static long sameLength(long before, long n) throws BadRequest {
    if (before >= 0 && n != before)
      throw new BadRequest(400, "400 Bad Request: conflicting Content-Length values", false);
    return n;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine;
      try {
        sizeLine = in.readLine(MAX_HEADER_BYTES);
      } catch (LineTooLongException e) {
        throw new BadRequest(400, "400 Bad Request: malformed chunk size", false);
      }
      if (sizeLine == null)
        throw new BadRequest(
            400, "400 Bad Request: the connection ended inside a chunked body", false);
      int semi = sizeLine.indexOf(';');
      String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
      if (hex.isEmpty()
          || hex.length() > 16
          || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new BadRequest(400, "400 Bad Request: malformed chunk size", false);
      }
      long size = Long.parseUnsignedLong(hex, 16);
      if (size < 0 || body.size() + size > maxBodyBytes) {
        throw new BadRequest(
            413, "413 Content Too Large: at most " + maxBodyBytes + " bytes", true);
      }
      if (size == 0) {
        for (String t = in.readLine(MAX_HEADER_BYTES);
            t != null && !t.isEmpty();
            t = in.readLine(MAX_HEADER_BYTES)) {
          // trailer fields are ignored
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes((int) size);
      if (chunk.length != size)
        throw new BadRequest(400, "400 Bad Request: the connection ended inside a chunk", false);
      body.write(chunk);
      String end = in.readLine(MAX_HEADER_BYTES);
      if (end == null || !end.isEmpty())
        throw new BadRequest(400, "400 Bad Request: a chunk must end with CRLF", false);
    }
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }

  private static boolean isToken(String s, int from, int to) {
    for (int i = from; i < to; i++) if (!isTokenChar(s.charAt(i))) return false;
    return true;
  }

  /** {@code line}'s first {@code end} characters, a token, in lower case (ASCII only). */
  private static String lowerCaseName(String line, int end) {
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (c >= 'A' && c <= 'Z') return line.substring(0, end).toLowerCase(Locale.ROOT);
    }
    return line.substring(0, end);
  }

  /** A request or header line longer than {@link #MAX_HEADER_BYTES}. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException() {
      super("line longer than " + MAX_HEADER_BYTES + " bytes");
    }
  }
}
