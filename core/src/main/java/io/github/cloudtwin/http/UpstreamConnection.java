package io.github.cloudtwin.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One persistent connection to a proxied address, as a state machine on its {@link EventLoop}:
 * connecting, sending a request, reading its response as the bytes arrive, then idle in its {@link
 * Upstream} pool (where a close by the target is noticed). A connect must complete within 10 s and
 * each wait for response bytes within 60 s.
 */
final class UpstreamConnection extends LoopChannel {

  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int READ_TIMEOUT_MILLIS = 60_000;

  private final Upstream pool;
  private final ByteInput in;
  private final RequestReader bodies;
  private boolean connecting;
  private Upstream.@Nullable Exchange exchange;
  private boolean reused;
  private boolean answered; // a byte of the current response has arrived
  private String poolKey = ""; // the pool's key of the address

  private UpstreamConnection(EventLoop loop, Upstream pool, SocketChannel ch) {
    super(loop, ch);
    this.pool = pool;
    int max = HttpListener.Limits.DEFAULT.maxBodyBytes() + 4 * RequestReader.MAX_HEADER_BYTES;
    this.in = new ByteInput(4096, max);
    this.bodies = new RequestReader(in, HttpListener.Limits.DEFAULT.maxBodyBytes());
  }

  /** Opens a connection to {@code address}; it completes in the loop. */
  static UpstreamConnection open(EventLoop loop, Upstream pool, InetSocketAddress address)
      throws IOException {
    SocketChannel ch = SocketChannel.open();
    try {
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      UpstreamConnection c = new UpstreamConnection(loop, pool, ch);
      c.connecting = !ch.connect(address);
      c.register(c.connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_READ);
      if (c.connecting) c.deadline(System.nanoTime(), CONNECT_TIMEOUT_MILLIS);
      return c;
    } catch (IOException | RuntimeException e) {
      EventLoop.closeQuietly(ch);
      throw e;
    }
  }

  /** Sends {@code x}'s request (once connected) and reads its response. */
  void send(Upstream.Exchange x, boolean reused) {
    this.exchange = x;
    this.poolKey = x.key();
    this.reused = reused;
    this.answered = false;
    if (connecting) return;
    try {
      sendRequest();
    } catch (IOException e) {
      failed(e);
    }
  }

  private void sendRequest() throws IOException {
    Upstream.Exchange x = exchange;
    if (x == null) return;
    deadline(System.nanoTime(), READ_TIMEOUT_MILLIS);
    write(x.request());
  }

  @Override
  public void ready(int ops) throws IOException {
    if ((ops & SelectionKey.OP_CONNECT) != 0 && connecting) {
      ch.finishConnect();
      connecting = false;
      interest(SelectionKey.OP_CONNECT, false);
      interest(SelectionKey.OP_READ, true);
      sendRequest();
    }
    if ((ops & SelectionKey.OP_WRITE) != 0 && writing()) flush();
    if ((ops & SelectionKey.OP_READ) != 0 && !closed) readable();
  }

  private void readable() throws IOException {
    int n = in.readFrom(ch);
    Upstream.Exchange x = exchange;
    if (x == null) {
      // idle in the pool: the target closed it (or sent what nobody asked for)
      if (n != 0) {
        pool.forget(poolKey, this);
        close();
      }
      return;
    }
    if (n > 0) answered = true;
    if (n == 0 && !in.full()) return;
    Upstream.Reply r;
    in.begin();
    try {
      r = response(x.head());
    } catch (ByteInput.NeedMore more) {
      in.begin();
      if (in.full()) throw new IOException("the response does not fit");
      deadline(System.nanoTime(), READ_TIMEOUT_MILLIS);
      return;
    }
    in.commit();
    exchange = null;
    noDeadline();
    if (r.keepAlive() && in.unread() == 0 && !in.ended()) pool.release(x.key(), this);
    else close();
    x.callback().completed(r);
  }

  /** Reads one response, and whether the connection may be reused. */
  private Upstream.Reply response(boolean head) throws IOException {
    String status = in.readLine(RequestReader.MAX_HEADER_BYTES);
    if (status == null) throw new IOException("connection closed by the target");
    int sp = status.indexOf(' ');
    int end = sp < 0 ? -1 : status.indexOf(' ', sp + 1);
    if (end < 0) end = status.length();
    if (sp < 0 || end == sp + 1 || !status.startsWith("HTTP/1."))
      throw new IOException("malformed status line: " + status);
    String version = status.substring(0, sp);
    int code;
    try {
      code = Integer.parseInt(status, sp + 1, end, 10);
    } catch (NumberFormatException e) {
      throw new IOException("malformed status line: " + status, e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, List<String>> lower = new HashMap<>(4); // the hop-by-hop ones, by lower-case name
    for (String line = in.readLine(RequestReader.MAX_HEADER_BYTES);
        line != null && !line.isEmpty();
        line = in.readLine(RequestReader.MAX_HEADER_BYTES)) {
      int colon = line.indexOf(':');
      if (colon <= 0) continue;
      String k = line.substring(0, colon).trim();
      String v = line.substring(colon + 1).trim();
      String hop = hopByHop(k);
      if (hop == null) headers.putIfAbsent(k, v);
      else lower.computeIfAbsent(hop, x -> new ArrayList<>(1)).add(v);
    }
    boolean keep =
        !"close".equalsIgnoreCase(HttpListener.first(lower, "connection"))
            && version.equals("HTTP/1.1");
    byte[] body;
    if (head || code == 204 || code == 304 || code / 100 == 1) {
      body = new byte[0];
    } else if (HttpListener.first(lower, "transfer-encoding") != null
        || HttpListener.first(lower, "content-length") != null) {
      body = bodies.body(lower); // a BadRequest is an IOException: 502
    } else {
      body = in.readAllBytes();
      keep = false;
    }
    return new Upstream.Reply(code, headers, body, keep);
  }

  /** {@return the lower-case name of {@code name} if it is hop-by-hop, else null} */
  private static @Nullable String hopByHop(String name) {
    for (String h : Dispatcher.HOP_BY_HOP_NAMES) {
      if (h.length() == name.length() && h.equalsIgnoreCase(name)) return h;
    }
    return null;
  }

  @Override
  void expired() {
    failed(new IOException("timed out"));
  }

  /**
   * The connection failed: closed; its exchange is sent again on a new connection if it was pooled
   * and nothing of the answer had arrived, else its client gets a 502.
   */
  @Override
  public void failed(Exception e) {
    Upstream.Exchange x = exchange;
    exchange = null;
    if (x == null) {
      pool.forget(poolKey, this);
      close();
      return;
    }
    close();
    if (reused && !answered) pool.open(x);
    else x.callback().completed(null);
  }

  @Override
  void abort() {
    Upstream.Exchange x = exchange;
    exchange = null;
    close();
    if (x != null) x.callback().completed(null);
  }
}
