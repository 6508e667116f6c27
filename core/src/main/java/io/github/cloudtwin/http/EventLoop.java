package io.github.cloudtwin.http;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One thread of a listener: a selector over non-blocking client and upstream connections, each a
 * state machine ({@link ClientConnection}, {@link UpstreamConnection}) called when its channel is
 * ready. Deadlines are checked in the loop (the select waits at most until the next one), at most
 * every 10 ms. Everything it owns is touched on its thread only; other threads hand it new
 * connections through {@link #adopt}.
 */
final class EventLoop implements Runnable {

  /** What a selection key's attachment does when its channel is ready. */
  interface Ready {
    /** Called on the loop's thread with the key's ready operations. */
    void ready(int ops) throws IOException;

    /** The channel failed ({@code ready} threw): release it. */
    void failed(Exception e);
  }

  private static final long SWEEP_NANOS = 10_000_000L;
  private static final long IDLE_SWEEP_NANOS = 1_000_000_000L;

  final HttpListener.Limits limits;
  final Dispatcher dispatcher;
  final Upstream upstream;
  private final HttpListener owner;
  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<SocketChannel> incoming = new ConcurrentLinkedQueue<>();
  private final Set<LoopChannel> channels = new LinkedHashSet<>();
  private final List<LoopChannel> expired = new ArrayList<>();
  private long nextSweep;
  private volatile boolean closed;

  EventLoop(HttpListener owner, String threadName, HttpRouter router) throws IOException {
    this.owner = owner;
    this.limits = owner.limits();
    this.selector = Selector.open();
    this.upstream = new Upstream(this);
    this.dispatcher = new Dispatcher(router);
    this.thread = new Thread(this, threadName);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** {@return whether the calling thread is this loop's} */
  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Registers {@code ch} with this loop's selector (on the loop's thread). */
  SelectionKey register(SelectableChannel ch, int ops, Ready handler) throws IOException {
    return ch.register(selector, ops, handler);
  }

  /** Hands an accepted client connection to this loop; any thread. */
  void adopt(SocketChannel ch) {
    if (inLoop()) {
      serve(ch);
      return;
    }
    incoming.add(ch);
    selector.wakeup();
    if (closed) closeIncoming();
  }

  private void serve(SocketChannel ch) {
    try {
      new ClientConnection(this, ch, owner::connectionClosed).start();
    } catch (IOException | RuntimeException e) {
      owner.connectionClosed();
      closeQuietly(ch);
    }
  }

  /**
   * Answers {@code ch} 503 and closes it after a short drain (the listener is full); {@code
   * onClose} is told when it has closed. On the loop's thread.
   */
  void refuse(SocketChannel ch, Runnable onClose) {
    try {
      new ClientConnection(this, ch, onClose).refuse();
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      onClose.run();
    }
  }

  /** Tracks {@code c} for its deadline and for closing with the listener. */
  void add(LoopChannel c) {
    channels.add(c);
  }

  void remove(LoopChannel c) {
    channels.remove(c);
  }

  /** Makes the loop look at deadlines by {@code nanos} (System.nanoTime) at the latest. */
  void deadlineAt(long nanos) {
    if (nanos - nextSweep < 0) nextSweep = nanos;
  }

  @Override
  public void run() {
    try {
      nextSweep = System.nanoTime() + IDLE_SWEEP_NANOS;
      while (!closed) {
        long wait = nextSweep - System.nanoTime();
        if (wait <= 0) {
          sweep();
          continue;
        }
        selector.select(this::ready, Math.max(1, wait / 1_000_000L));
        for (SocketChannel ch; (ch = incoming.poll()) != null; ) serve(ch);
      }
    } catch (IOException | RuntimeException e) {
      // the selector broke: nothing more can be served on this loop
    } finally {
      shutDown();
    }
  }

  private void ready(SelectionKey k) {
    Ready r = (Ready) k.attachment();
    try {
      if (k.isValid()) r.ready(k.readyOps());
    } catch (IOException | RuntimeException e) {
      r.failed(e);
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    long next = now + IDLE_SWEEP_NANOS;
    for (LoopChannel c : channels) {
      long d = c.deadline;
      if (d == 0) continue;
      if (now - d >= 0) expired.add(c);
      else if (d - next < 0) next = d;
    }
    for (LoopChannel c : expired) {
      try {
        if (c.deadline != 0 && now - c.deadline >= 0) c.expired();
      } catch (RuntimeException e) {
        c.failed(e);
      }
    }
    expired.clear();
    long earliest = now + SWEEP_NANOS;
    nextSweep = next - earliest < 0 ? earliest : next;
  }

  /** Stops the loop; its thread closes every connection it owns. Any thread. */
  void close() {
    closed = true;
    selector.wakeup();
  }

  void join(long millis) throws InterruptedException {
    if (!inLoop()) thread.join(millis);
  }

  private void shutDown() {
    // upstream exchanges first: their clients learn of a 502 (and their outcomes are told)
    for (LoopChannel c : new ArrayList<>(channels)) if (c instanceof UpstreamConnection) c.abort();
    for (LoopChannel c : new ArrayList<>(channels)) c.abort();
    channels.clear();
    closeIncoming();
    try {
      selector.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void closeIncoming() {
    for (SocketChannel ch; (ch = incoming.poll()) != null; ) {
      owner.connectionClosed();
      closeQuietly(ch);
    }
  }

  static void closeQuietly(SelectableChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
