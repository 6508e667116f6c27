package io.github.cloudtwin.awswire.internal;

import io.github.cloudtwin.awswire.WireRequest;
import io.github.cloudtwin.awswire.WireResponse;
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
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import jdk.net.ExtendedSocketOptions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP/1.1 keep-alive server on 127.0.0.1 and an ephemeral port (never another interface):
 * one thread per open connection (at most {@value #MAX_CONNECTIONS}; more are answered 503), bodies
 * by {@code Content-Length} or chunked, heads up to 64 KiB (431 above), bodies up to {@link
 * WireDispatcher#MAX_BODY_BYTES} (413 above, and the connection closed). Malformed requests get 400
 * and the connection closed; nothing answers with a stack trace.
 *
 * <p>Before it waits for a request's body the server acknowledges what it has read at once ({@code
 * TCP_QUICKACK} where the platform has it): a client that writes the head and the body in two
 * segments without {@code TCP_NODELAY} (the JDK's URL connection, many others) would otherwise hold
 * the body back under Nagle's algorithm until the server's delayed acknowledgement, tens of
 * milliseconds later.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LoopbackServer implements AutoCloseable {

  /** Connections served at once. */
  public static final int MAX_CONNECTIONS = 256;

  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int IDLE_MILLIS = 60_000;

  private final ServerSocket server;
  private final Function<WireRequest, WireResponse> handler;
  private final ExecutorService connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  /**
   * Starts a server.
   *
   * @param name for thread names
   * @param handler answers each request (must not throw)
   * @throws IOException when no port can be bound on 127.0.0.1
   */
  public LoopbackServer(String name, Function<WireRequest, WireResponse> handler)
      throws IOException {
    this.handler = handler;
    AtomicInteger n = new AtomicInteger();
    this.connections =
        new ThreadPoolExecutor(
            0,
            MAX_CONNECTIONS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "cloudtwin-wire-" + name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    this.acceptor = new Thread(this::accept, "cloudtwin-wire-" + name + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@return the port on 127.0.0.1} */
  public int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (closed) return;
        continue;
      }
      try {
        connections.execute(() -> serve(s));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        try (s) {
          write(
              new BufferedOutputStream(s.getOutputStream()),
              plain(503, "too many connections"),
              false);
        } catch (IOException ignored) {
          // the client went away
        }
      }
    }
  }

  private void serve(Socket s) {
    open.add(s);
    try (s) {
      s.setTcpNoDelay(true);
      s.setSoTimeout(IDLE_MILLIS);
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
      Runnable beforeBody =
          s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)
              ? () -> acknowledgeNow(s)
              : () -> {};
      while (!closed) {
        Request r;
        try {
          r = read(in, beforeBody);
        } catch (HttpProblem p) {
          write(out, plain(p.status, p.getMessage()), false);
          return;
        }
        if (r == null) return;
        WireResponse response = handler.apply(r.request);
        write(out, response, r.keepAlive);
        if (!r.keepAlive) return;
      }
    } catch (SocketTimeoutException e) {
      // idle keep-alive connection: close it
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  private record Request(WireRequest request, boolean keepAlive) {}

  private static final class HttpProblem extends IOException {
    private final int status;

    HttpProblem(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** Sends the acknowledgement of what has arrived now rather than after the delayed-ACK timer. */
  private static void acknowledgeNow(Socket s) {
    try {
      s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
    } catch (IOException | UnsupportedOperationException e) {
      // an optimisation only: without it the request is still answered
    }
  }

  private static @Nullable Request read(InputStream in, Runnable beforeBody) throws IOException {
    String requestLine = line(in, true);
    if (requestLine == null) return null;
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1."))
      throw new HttpProblem(400, "malformed request line");
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int headBytes = requestLine.length();
    String line;
    while (!(line = headLine(in)).isEmpty()) {
      headBytes += line.length() + 2;
      if (headBytes > MAX_HEAD_BYTES) throw new HttpProblem(431, "request head larger than 64 KiB");
      int colon = line.indexOf(':');
      if (colon <= 0) throw new HttpProblem(400, "malformed header line");
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      headers.merge(name, value, (a, b) -> a + "," + b);
    }
    byte[] body;
    beforeBody.run();
    String chunked = headers.get("Transfer-Encoding");
    if (chunked != null && chunked.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
      body = chunked(in);
    } else {
      String length = headers.get("Content-Length");
      long n;
      try {
        n = length == null ? 0 : Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw new HttpProblem(400, "malformed Content-Length");
      }
      if (n < 0) throw new HttpProblem(400, "malformed Content-Length");
      if (n > WireDispatcher.MAX_BODY_BYTES)
        throw new HttpProblem(
            413, "request body larger than " + WireDispatcher.MAX_BODY_BYTES + " bytes");
      body = in.readNBytes((int) n);
      if (body.length != n) throw new IOException("body cut short");
    }
    String target = parts[1];
    int q = target.indexOf('?');
    String connection = headers.getOrDefault("Connection", "");
    boolean keepAlive =
        parts[2].equals("HTTP/1.1")
            ? !connection.equalsIgnoreCase("close")
            : connection.equalsIgnoreCase("keep-alive");
    return new Request(
        new WireRequest(
            parts[0],
            q < 0 ? target : target.substring(0, q),
            q < 0 ? "" : target.substring(q + 1),
            headers,
            body),
        keepAlive);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = headLine(in);
      int semicolon = size.indexOf(';');
      int n;
      try {
        n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new HttpProblem(400, "malformed chunk size");
      }
      if (n < 0 || body.size() + (long) n > WireDispatcher.MAX_BODY_BYTES) {
        throw new HttpProblem(
            413, "request body larger than " + WireDispatcher.MAX_BODY_BYTES + " bytes");
      }
      if (n == 0) {
        while (!headLine(in).isEmpty()) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(n);
      if (chunk.length != n) throw new IOException("chunk cut short");
      body.writeBytes(chunk);
      line(in, false);
    }
  }

  /** One CRLF- (or LF-) terminated line; {@code null} at a clean end of stream before a request. */
  /** A line after the request line: never null, since only a first line may end the stream. */
  private static String headLine(InputStream in) throws IOException {
    return Objects.requireNonNull(line(in, false), "a line after the first is read or throws");
  }

  private static @Nullable String line(InputStream in, boolean first) throws IOException {
    StringBuilder b = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == '\r') b.setLength(len - 1);
        if (first && b.length() == 0) continue; // tolerate blank lines between requests
        return b.toString();
      }
      if (b.length() >= MAX_HEAD_BYTES)
        throw new HttpProblem(431, "request head line larger than 64 KiB");
      b.append((char) c);
    }
    if (first && b.length() == 0) return null;
    throw new IOException("connection closed mid-request");
  }

  private static WireResponse plain(int status, @Nullable String message) {
    return new WireResponse(
        status,
        Map.of("Content-Type", "text/plain; charset=utf-8"),
        (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void write(OutputStream out, WireResponse r, boolean keepAlive)
      throws IOException {
    StringBuilder head =
        new StringBuilder(256)
            .append("HTTP/1.1 ")
            .append(r.status())
            .append(' ')
            .append(reason(r.status()))
            .append("\r\n");
    r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(r.body().length).append("\r\n");
    head.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n").append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(r.body());
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }

  /** Stops accepting, closes open connections and frees the port. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    connections.shutdownNow();
  }
}
