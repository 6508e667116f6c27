package io.github.cloudtwin.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * A non-blocking socket owned by one {@link EventLoop}: its selection key, its deadline and its
 * pending output. Touched on the loop's thread only.
 */
abstract class LoopChannel implements EventLoop.Ready {

  final EventLoop loop;
  final SocketChannel ch;
  @Nullable SelectionKey key;

  /** When {@link #expired()} is due (System.nanoTime), 0 for never. */
  long deadline;

  private @Nullable ByteBuffer pending;
  boolean closed;

  LoopChannel(EventLoop loop, SocketChannel ch) {
    this.loop = loop;
    this.ch = ch;
  }

  /** Registers the channel for {@code ops} and tracks it. */
  final void register(int ops) throws IOException {
    key = loop.register(ch, ops, this);
    loop.add(this);
  }

  /** Sets the deadline {@code millis} from {@code now}. */
  final void deadline(long now, long millis) {
    deadline = now + millis * 1_000_000L;
    if (deadline == 0) deadline = 1;
    loop.deadlineAt(deadline);
  }

  final void noDeadline() {
    deadline = 0;
  }

  /** Called by the loop when the deadline has passed. */
  abstract void expired();

  /** The listener is closing: end what is in progress and close. */
  abstract void abort();

  /** {@return whether output is still waiting for the socket to accept it} */
  final boolean writing() {
    return pending != null;
  }

  /**
   * Writes {@code bytes}; what the socket does not take now is written when it is ready.
   *
   * @return whether everything was written
   */
  final boolean write(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    ch.write(b);
    if (!b.hasRemaining()) return true;
    pending = b;
    interest(SelectionKey.OP_WRITE, true);
    return false;
  }

  /**
   * Writes more of the pending output.
   *
   * @return whether it has all been written now
   */
  final boolean flush() throws IOException {
    ByteBuffer b = pending;
    if (b == null) return true;
    ch.write(b);
    if (b.hasRemaining()) return false;
    pending = null;
    interest(SelectionKey.OP_WRITE, false);
    return true;
  }

  /** Adds or removes {@code op} from the key's interest (a system call at the next select). */
  final void interest(int op, boolean on) {
    SelectionKey k = key;
    if (k == null || !k.isValid()) return;
    int ops = k.interestOps();
    int next = on ? ops | op : ops & ~op;
    if (next != ops) k.interestOps(next);
  }

  /** Closes the channel and stops tracking it; idempotent. */
  void close() {
    if (closed) return;
    closed = true;
    deadline = 0;
    loop.remove(this);
    EventLoop.closeQuietly(ch);
  }
}
