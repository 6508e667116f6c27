package io.github.cloudtwin.http;

import static io.github.cloudtwin.http.Responses.encode;
import static io.github.cloudtwin.http.Responses.text;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Objects;
import jdk.net.ExtendedSocketOptions;

/**
 * One client's keep-alive connection as a state machine on its {@link EventLoop}: waits for a
 * request within the listener's timeouts, parses it as its bytes arrive, answers malformed ones
 * with their status, {@code OPTIONS *} itself, and hands every other request to the {@link
 * Dispatcher}, whose answer it writes; until the client closes, idles out or asks to close, or the
 * listener closes. Requests a client pipelines are answered in order.
 */
final class ClientConnection extends LoopChannel implements Dispatcher.Reply {

  private static final String ALLOW = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS";
  private static final int WAITING = 0; // for the first byte of the next request
  private static final int HEAD = 1; // inside a request head
  private static final int BODY = 2; // the head is read, its body is arriving
  private static final int PAUSE_READING_BYTES = 256 * 1024; // buffered while an answer is due
  private static final int ERROR_DRAIN_MILLIS = 2_000;
  private static final int REFUSAL_DRAIN_MILLIS = 200;
  private static final long DRAIN_BYTES = 4L * 1024 * 1024;

  private final Runnable onClose;
  private final HttpListener.Limits limits;
  private final ByteInput in;
  private final RequestReader reader;
  private final String remoteIp;
  private final int remotePort;
  private final RequestReader.HeadListener headListener = this::headRead;
  private boolean first = true;
  private int phase = WAITING;
  private boolean headRead;
  private boolean quickAcked;
  private int lastAttempt;
  private boolean busy; // the router's outcome is being carried out
  private boolean processing;
  private boolean closeAfterWrite;
  private int drainAfterWrite; // millis, 0: close at once
  private boolean draining;
  private long drainLeft;

  /**
   * @param onClose told once, when the connection has closed
   */
  ClientConnection(EventLoop loop, SocketChannel ch, Runnable onClose) throws IOException {
    super(loop, ch);
    this.onClose = onClose;
    this.limits = loop.limits;
    ch.configureBlocking(false);
    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
    long max = 2L * limits.maxBodyBytes() + 4L * RequestReader.MAX_HEADER_BYTES;
    this.in = new ByteInput(4096, (int) Math.min(Integer.MAX_VALUE - 8, max));
    this.reader = new RequestReader(in, limits.maxBodyBytes());
    InetSocketAddress remote = (InetSocketAddress) ch.getRemoteAddress();
    this.remoteIp = remote.getAddress().getHostAddress();
    this.remotePort = remote.getPort();
  }

  /** Starts serving: the first request's head must arrive within the header timeout. */
  void start() throws IOException {
    register(SelectionKey.OP_READ);
    deadline(System.nanoTime(), limits.headerTimeout().toMillis());
  }

  /** Answers 503 (every connection of the listener is busy) and closes after a short drain. */
  void refuse() throws IOException {
    register(SelectionKey.OP_READ);
    drainAfterWrite = REFUSAL_DRAIN_MILLIS;
    respond(
        encode(
            503,
            Map.of("Retry-After", "1"),
            text(
                "503 Service Unavailable: all "
                    + limits.maxConnections()
                    + " connections of this listener are busy"),
            true),
        true);
  }

  @Override
  public void ready(int ops) throws IOException {
    if ((ops & SelectionKey.OP_WRITE) != 0 && writing() && flush()) written();
    if ((ops & SelectionKey.OP_READ) != 0 && !closed) readable();
  }

  private void readable() throws IOException {
    int n = in.readFrom(ch);
    if (n < 0) interest(SelectionKey.OP_READ, false); // the end of the stream stays readable
    if (draining) {
      in.discard();
      if (n < 0 || (drainLeft -= n) <= 0) close();
      return;
    }
    if (busy || writing() || closeAfterWrite) {
      if (in.unread() >= PAUSE_READING_BYTES || n == 0) interest(SelectionKey.OP_READ, false);
      return;
    }
    process();
  }

  /** Parses and answers the requests that have arrived, one at a time. */
  private void process() {
    if (processing) return;
    processing = true;
    try {
      while (!closed && !busy && !writing() && !closeAfterWrite && !draining) {
        if (!next()) return;
      }
    } finally {
      processing = false;
    }
  }

  /** Tries to read and answer the next request; false when more bytes are needed first. */
  private boolean next() {
    long now = System.nanoTime();
    if (in.unread() == 0) {
      if (in.ended()) close();
      return false; // the waiting deadline is set
    }
    if (phase == WAITING) {
      phase = HEAD;
      quickAcked = false;
      lastAttempt = 0;
      deadline(now, limits.headerTimeout().toMillis());
    }
    if (!worthAttempt()) {
      if (phase == BODY) deadline(now, limits.idleTimeout().toMillis());
      return false;
    }
    in.begin();
    headRead = false;
    RequestReader.Parsed p;
    try {
      String line = reader.requestLine();
      if (line == null) {
        close();
        return false;
      }
      p = reader.readHead(line, headListener);
    } catch (ByteInput.NeedMore more) {
      in.begin();
      lastAttempt = in.unread();
      if (headRead) {
        phase = BODY;
        deadline(now, limits.idleTimeout().toMillis());
      }
      if (in.full()) {
        int status = headRead ? 413 : 431;
        error(
            new BadRequest(
                status,
                headRead
                    ? "413 Content Too Large: at most " + limits.maxBodyBytes() + " bytes"
                    : "431 Request Header Fields Too Large",
                true));
      }
      return false;
    } catch (BadRequest e) {
      error(e);
      return false;
    } catch (IOException | RuntimeException e) {
      respond(encode(500, Map.of(), text("500 Internal Server Error"), true), true);
      return false;
    }
    in.commit();
    first = false;
    noDeadline();
    if (p.target().equals("*")) {
      respond(encode(200, Map.of("Allow", ALLOW), new byte[0], !p.keepAlive()), !p.keepAlive());
      return true;
    }
    IncomingRequest req =
        new IncomingRequest(p.method(), p.target(), p.headers(), remoteIp, remotePort, p.body());
    busy = true;
    try {
      loop.dispatcher.answer(req, !p.keepAlive(), loop.upstream, this);
    } catch (RuntimeException e) {
      // never a stack trace on the wire, nor an exception escaping the loop
      respond(encode(500, Map.of(), text("500 Internal Server Error"), true), true);
    }
    return true;
  }

  /**
   * Whether parsing again can get further: the bytes the last attempt needed have arrived, and a
   * large message is parsed again only once its bytes have doubled or it ends with an empty line
   * (so a long chunked body costs linear time, not quadratic).
   */
  private boolean worthAttempt() {
    if (!in.ready()) return false;
    int unread = in.unread();
    return unread <= 64 * 1024
        || unread >= 2L * lastAttempt
        || in.ended()
        || in.endsWithEmptyLine();
  }

  private void headRead(boolean bodyStillToArrive) {
    headRead = true;
    if (bodyStillToArrive && !quickAcked) {
      quickAcked = true;
      acknowledgeNow();
    }
  }

  /**
   * Acknowledges what has arrived now rather than after the delayed-ACK timer: a client that writes
   * a request's head and body in two segments with Nagle's algorithm on holds the body back until
   * the head is acknowledged, about 40 ms on Linux otherwise. Asked only when a body is announced
   * and not yet here (one system call, not one per request).
   */
  private void acknowledgeNow() {
    try {
      if (ch.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK))
        ch.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
    } catch (IOException | UnsupportedOperationException e) {
      // an optimisation only: without it the request is still answered
    }
  }

  private void error(BadRequest e) {
    drainAfterWrite = e.drain ? ERROR_DRAIN_MILLIS : 0;
    respond(
        encode(
            e.status,
            Map.of(),
            text(Objects.requireNonNull(e.getMessage(), "a BadRequest carries its answer")),
            true),
        true);
  }

  /** Writes one whole answer; after it the connection closes if {@code close}. */
  @Override
  public void respond(byte[] response, boolean close) {
    busy = false;
    if (closed) return;
    closeAfterWrite = close;
    noDeadline();
    try {
      if (write(response)) written();
    } catch (IOException e) {
      close(); // the client went away
    }
  }

  /** The answer has been written: close, drain, or wait for the next request. */
  private void written() {
    long now = System.nanoTime();
    if (closeAfterWrite) {
      if (drainAfterWrite > 0) drain(now);
      else close();
      return;
    }
    phase = WAITING;
    deadline(now, limits.idleTimeout().toMillis());
    if (!in.ended()) interest(SelectionKey.OP_READ, true);
    process();
  }

  /**
   * After an error answer to a client that may still be sending (an oversized header or body),
   * half-closes and discards what it sends (at most 4 MB, for a limited time), so closing does not
   * reset the connection before the client has read the answer.
   */
  private void drain(long now) {
    draining = true;
    drainLeft = DRAIN_BYTES;
    in.discard();
    try {
      ch.shutdownOutput();
    } catch (IOException e) {
      close();
      return;
    }
    if (in.ended()) {
      close();
      return;
    }
    deadline(now, drainAfterWrite);
    interest(SelectionKey.OP_READ, true);
  }

  @Override
  void expired() {
    if (draining || busy || writing()) {
      if (draining) close();
      return;
    }
    if (phase == WAITING) {
      if (first) respond(encode(408, Map.of(), text("408 Request Timeout"), true), true);
      else close();
      return;
    }
    respond(
        encode(
            408,
            Map.of(),
            text(
                "408 Request Timeout: the request did not arrive within " + limits.headerTimeout()),
            true),
        true);
  }

  @Override
  public void failed(Exception e) {
    close();
  }

  @Override
  void abort() {
    close();
  }

  @Override
  void close() {
    if (closed) return;
    super.close();
    onClose.run();
  }
}
