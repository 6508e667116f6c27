package io.github.cloudtwin.http;

import io.github.cloudtwin.kernel.Require;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 listener on 127.0.0.1 and an ephemeral port (never any other interface). Each
 * request is routed by an {@link HttpRouter} and answered directly or proxied to a real {@code http://}
 * address over pooled keep-alive connections.
 * Connections are kept alive; one thread serves one connection at a time. {@link #close()} frees
 * the port and stops its threads. Thread-safe.
 */
public final class HttpListener implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length");
  private static final int MAX_CONNECTIONS = 1024;
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final String name;
  private final ServerSocket server;
  private final ThreadPoolExecutor connections;
  private final Upstream upstream = new Upstream();
  private final HttpRouter router;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private HttpListener(String name, HttpRouter router) throws IOException {
    this.name = name;
    this.router = router;
    AtomicInteger n = new AtomicInteger();
    this.connections =
        new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "cloudtwin-http-" + name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.server = new ServerSocket();
    this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    this.acceptor = new Thread(this::acceptLoop, "cloudtwin-http-" + name + "-accept");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /**
   * Starts a listener named {@code name} (for thread names) on 127.0.0.1 and an ephemeral port.
   *
   *
   * @param threads unused hint kept for compatibility; one thread serves each open connection
   * @param name the name
   * @param router the router
   * @return the started listener; close it to stop
   */
  public static HttpListener start(String name, HttpRouter router, int threads) {
    Require.name("name", name);
    Require.notNull("router", router);
    Require.between("threads", threads, 1, MAX_CONNECTIONS);
    try {
      return new HttpListener(name, router);
    } catch (IOException e) {
      throw new IllegalStateException("Could not open an HTTP listener on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** {@return the port on 127.0.0.1} */
  public int port() {
    return server.getLocalPort();
  }

  /** {@return the base address, such as {@code http://127.0.0.1:53124/}} */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** {@return whether {@link #close()} was called} */
  public boolean isClosed() {
    return closed;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (closed) return;
        continue;
      }
      try {
        open.add(s);
        connections.execute(() -> serve(s));
      } catch (RuntimeException rejected) {
        open.remove(s);
        closeQuietly(s);
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      s.setSoTimeout(60_000);
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
      String remoteIp = s.getInetAddress().getHostAddress();
      int remotePort = s.getPort();
      while (!closed) {
        String requestLine;
        try {
          requestLine = readLine(in);
        } catch (LineTooLongException e) {
          write(out, 414, Map.of(), "414 URI Too Long".getBytes(StandardCharsets.UTF_8), true);
          drainBeforeClose(s, in);
          return;
        }
        if (requestLine == null) return;
        if (requestLine.isEmpty()) continue;
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
          write(out, 400, Map.of(), "400 Bad Request".getBytes(StandardCharsets.UTF_8), true);
          return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int headerBytes = 0;
        while (true) {
          String line;
          try {
            line = readLine(in);
          } catch (LineTooLongException e) {
            write(out, 431, Map.of(), new byte[0], true);
            drainBeforeClose(s, in);
            return;
          }
          if (line == null || line.isEmpty()) break;
          headerBytes += line.length();
          if (headerBytes > MAX_HEADER_BYTES) {
            write(out, 431, Map.of(), new byte[0], true);
            drainBeforeClose(s, in);
            return;
          }
          int colon = line.indexOf(':');
          if (colon <= 0) {
            write(out, 400, Map.of(), "400 Bad Request: malformed header line".getBytes(StandardCharsets.UTF_8), true);
            return;
          }
          headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
              .add(line.substring(colon + 1).trim());
        }
        byte[] body = readBody(in, headers);
        if (body == null) {
          write(out, 411, Map.of(), new byte[0], true);
          return;
        }
        String connection = first(headers, "connection");
        boolean close =
            parts[2].equals("HTTP/1.0")
                ? connection == null || !connection.equalsIgnoreCase("keep-alive")
                : connection != null && connection.equalsIgnoreCase("close");
        IncomingRequest req = new IncomingRequest(parts[0], parts[1], headers, remoteIp, remotePort, body);
        close |= handle(req, out);
        if (close) return;
      }
    } catch (IOException e) {
      // the client went away or idled out
    } finally {
      open.remove(s);
    }
  }

  /** Handles one request; returns whether the connection must be closed afterwards. */
  private boolean handle(IncomingRequest req, OutputStream out) throws IOException {
    HttpOutcome o;
    try {
      o = router.route(req);
    } catch (RuntimeException e) {
      o = HttpOutcome.respond(500, "Internal error: " + e, Map.of(), null);
    }
    if (o.abort()) {
      // A loopback listener cannot make one node unreachable: the client gets a 502 that names the
      // lost node, and the connection is closed (docs/load-balancing.md, fake choices).
      done(o, 502);
      write(out, 502, o.responseHeaders(), "502 Bad Gateway: load balancer node unreachable".getBytes(StandardCharsets.UTF_8), true);
      return true;
    }
    if (o.proxyTo() == null) {
      write(out, o.status(), o.responseHeaders(), o.body() == null ? new byte[0] : o.body().getBytes(StandardCharsets.UTF_8), false);
      done(o, o.status());
      return false;
    }
    int status;
    Map<String, String> rh = new LinkedHashMap<>();
    byte[] respBody;
    try {
      Upstream.Reply r = upstream.send(o.proxyTo(), req.method(), req.path(), req.headers(), o.headers(), HOP_BY_HOP, req.body());
      status = r.status();
      r.headers().forEach((k, v) -> {
        if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT))) rh.put(k, v);
      });
      respBody = r.body();
    } catch (IOException | RuntimeException e) {
      status = 502;
      respBody = "502 Bad Gateway".getBytes(StandardCharsets.UTF_8);
    }
    rh.putAll(o.responseHeaders());
    write(out, status, rh, respBody, false);
    done(o, status);
    return false;
  }

  private static void done(HttpOutcome out, int status) {
    if (out.done() != null) out.done().accept(status);
  }

  static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
    String te = first(headers, "transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine(in);
        if (sizeLine == null) throw new IOException("end of stream in a chunked body");
        int semi = sizeLine.indexOf(';');
        int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
        if (size == 0) {
          for (String t = readLine(in); t != null && !t.isEmpty(); t = readLine(in)) {
            // trailers are ignored
          }
          return body.toByteArray();
        }
        if (body.size() + size > MAX_BODY_BYTES) throw new IOException("body too large");
        body.write(in.readNBytes(size));
        readLine(in);
      }
    }
    String cl = first(headers, "content-length");
    if (cl == null) return new byte[0];
    int length;
    try {
      length = Integer.parseInt(cl.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (length < 0 || length > MAX_BODY_BYTES) return null;
    byte[] b = in.readNBytes(length);
    if (b.length != length) throw new IOException("end of stream in the body");
    return b;
  }

  /**
   * After an error answer to a client that is still sending (an oversized header), half-closes and
   * discards what it sends (at most 4 MB, at most 2 s), so closing does not reset the connection
   * before the client has read the answer.
   */
  private static void drainBeforeClose(Socket s, InputStream in) {
    try {
      s.shutdownOutput();
      s.setSoTimeout(2_000);
      byte[] sink = new byte[16 * 1024];
      long left = 4L * 1024 * 1024;
      int n;
      while (left > 0 && (n = in.read(sink)) >= 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: nothing more to do
    }
  }

  /** A request or header line longer than {@link #MAX_HEADER_BYTES}. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException() {
      super("line longer than " + MAX_HEADER_BYTES + " bytes");
    }
  }

  static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
        return sb.toString();
      }
      if (sb.length() > MAX_HEADER_BYTES) throw new LineTooLongException();
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static void write(OutputStream out, int status, Map<String, String> headers, byte[] body, boolean close) throws IOException {
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

  private static String reason(int status) {
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
      case 411 -> "Length Required";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status " + status;
    };
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** Frees the port, closes open connections and stops the threads; idempotent. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) closeQuietly(s);
    upstream.close();
    connections.shutdownNow();
    try {
      acceptor.join(5_000);
      connections.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "HttpListener[" + name + " on " + uri() + (closed ? ", closed" : "") + "]";
  }
}
