package io.github.cloudtwin.http;

import static io.github.cloudtwin.http.Responses.drainBeforeClose;
import static io.github.cloudtwin.http.Responses.text;
import static io.github.cloudtwin.http.Responses.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import jdk.net.ExtendedSocketOptions;

/**
 * Serves one keep-alive connection on its thread: reads each request within the listener's
 * timeouts, answers malformed ones with their status, {@code OPTIONS *} itself, and hands every
 * other request to the {@link Dispatcher}, until the client closes, idles out or asks to close, or
 * the listener closes.
 */
final class ConnectionLoop {

  private static final String ALLOW = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS";

  private final HttpListener.Limits limits;
  private final Dispatcher dispatcher;
  private final BooleanSupplier listenerClosed;
  private final ReadDeadlines deadlines;

  ConnectionLoop(
      HttpListener.Limits limits,
      Dispatcher dispatcher,
      BooleanSupplier listenerClosed,
      ReadDeadlines deadlines) {
    this.limits = limits;
    this.dispatcher = dispatcher;
    this.listenerClosed = listenerClosed;
    this.deadlines = deadlines;
  }

  /** Serves {@code s} until it is done with, then closes it. */
  void serve(Socket s) {
    OutputStream out = null;
    SocketInput in = null;
    try (s) {
      s.setTcpNoDelay(true);
      in = deadlines.watch(s, 16 * 1024);
      out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
      RequestReader reader = new RequestReader(in, limits.maxBodyBytes());
      String remoteIp = s.getInetAddress().getHostAddress();
      int remotePort = s.getPort();
      boolean first = true;
      Runnable quickAck =
          s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)
              ? () -> acknowledgeNow(s)
              : null;
      while (!listenerClosed.getAsBoolean()) {
        // the first request's head must arrive within the header timeout; later ones may idle first
        in.deadline((first ? limits.headerTimeout() : limits.idleTimeout()).toMillis());
        try {
          if (in.peek() < 0) return;
        } catch (SocketTimeoutException idle) {
          if (first) write(out, 408, Map.of(), text("408 Request Timeout"), true);
          return;
        }
        in.deadline(limits.headerTimeout().toMillis());
        RequestReader.Parsed p;
        try {
          String line = reader.requestLine();
          if (line == null) return;
          p = reader.readHead(line, in, limits.idleTimeout(), quickAck);
        } catch (BadRequest e) {
          write(
              out,
              e.status,
              Map.of(),
              text(Objects.requireNonNull(e.getMessage(), "a BadRequest carries its answer")),
              true);
          if (e.drain) drainBeforeClose(s, in, 2_000);
          return;
        } catch (SocketTimeoutException e) {
          write(
              out,
              408,
              Map.of(),
              text(
                  "408 Request Timeout: the request did not arrive within "
                      + limits.headerTimeout()),
              true);
          return;
        }
        first = false;
        if (p.target().equals("*")) {
          write(out, 200, Map.of("Allow", ALLOW), new byte[0], !p.keepAlive());
          if (!p.keepAlive()) return;
          continue;
        }
        IncomingRequest req =
            new IncomingRequest(
                p.method(), p.target(), p.headers(), remoteIp, remotePort, p.body());
        boolean close = !p.keepAlive();
        close |= dispatcher.answer(req, out, close);
        if (close) return;
      }
    } catch (IOException e) {
      // the client went away or idled out
    } catch (RuntimeException e) {
      // never a stack trace on the wire, nor an exception escaping a listener thread
      if (out != null) {
        try {
          write(out, 500, Map.of(), text("500 Internal Server Error"), true);
        } catch (IOException | RuntimeException ignored) {
          // the client went away
        }
      }
    } finally {
      if (in != null) deadlines.forget(in);
    }
  }

  /**
   * Acknowledges what has arrived now rather than after the delayed-ACK timer: a client that writes
   * a request's head and body in two segments with Nagle's algorithm on holds the body back until
   * the head is acknowledged, about 40 ms on Linux otherwise. Asked only when a body is announced
   * and not yet here (one system call, not one per request).
   */
  private static void acknowledgeNow(Socket s) {
    try {
      s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
    } catch (IOException | UnsupportedOperationException e) {
      // an optimisation only: without it the request is still answered
    }
  }
}
