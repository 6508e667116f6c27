package io.github.cloudtwin.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A socket's input, buffered, with a wall-clock deadline for all reads together (a request head
 * must arrive within the header timeout however slowly it trickles in) or a timeout per read, and
 * lines read straight from the buffer. A watched input's reads block and {@link ReadDeadlines} ends
 * them at their deadline; an unwatched one uses the socket's read timeout. Unsynchronized, unlike
 * {@link java.io.BufferedInputStream}: one connection thread owns it.
 */
final class SocketInput extends InputStream {

  private final Socket socket;
  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int limit;
  private long deadlineNanos; // 0: per-read timeout only
  private int perReadMillis;
  private int armedMillis = -1;
  private final boolean watched;
  private long waitingUntil; // System.nanoTime() deadline of the read in progress, when waiting
  private volatile boolean waiting; // written after waitingUntil: publishes it to the watcher
  private volatile boolean timedOut;

  /**
   * @param watched whether a {@link ReadDeadlines} ends this input's reads (else the socket's read
   *     timeout does)
   */
  SocketInput(Socket socket, int bufferSize, boolean watched) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.buf = new byte[bufferSize];
    this.watched = watched;
  }

  /** Every read from now on must complete within {@code millis} of now, all together. */
  void deadline(long millis) {
    deadlineNanos = System.nanoTime() + millis * 1_000_000L;
  }

  /** Each read may wait {@code millis}; no overall deadline. */
  void perRead(int millis) {
    deadlineNanos = 0;
    perReadMillis = millis;
  }

  /** {@return how many bytes are buffered: readable without waiting for the socket} */
  int buffered() {
    return limit - pos;
  }

  /** {@return the next byte without consuming it, or -1 at the end of the stream} */
  int peek() throws IOException {
    if (pos == limit && !fill()) return -1;
    return buf[pos] & 0xff;
  }

  @Override
  public int read() throws IOException {
    if (pos == limit && !fill()) return -1;
    return buf[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (pos == limit) {
      if (len >= buf.length) return socketRead(b, off, len);
      if (!fill()) return -1;
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return (limit - pos) + in.available();
  }

  /**
   * The next line without its line feed (and a carriage return before it), decoded as ISO-8859-1,
   * or null at the end of the stream before any byte; the bytes up to the end of the stream when it
   * ends inside a line.
   *
   * @throws RequestReader.LineTooLongException past {@code maxLength} bytes without a line feed
   */
  @Nullable String readLine(int maxLength) throws IOException {
    StringBuilder partial = null;
    while (true) {
      if (pos == limit && !fill()) {
        return partial == null || partial.length() == 0 ? null : partial.toString();
      }
      int start = pos;
      int end = start;
      while (end < limit && buf[end] != '\n') end++;
      int soFar = (partial == null ? 0 : partial.length()) + (end - start);
      if (soFar > maxLength + 1) throw new RequestReader.LineTooLongException();
      if (end < limit) {
        pos = end + 1;
        if (partial == null) {
          int len = end - start;
          if (len > 0 && buf[end - 1] == '\r') len--;
          return new String(buf, start, len, StandardCharsets.ISO_8859_1);
        }
        partial.append(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
        int len = partial.length();
        if (len > 0 && partial.charAt(len - 1) == '\r') partial.setLength(len - 1);
        return partial.toString();
      }
      if (partial == null) partial = new StringBuilder(Math.max(64, 2 * (end - start)));
      partial.append(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
      pos = limit;
    }
  }

  private boolean fill() throws IOException {
    int n = socketRead(buf, 0, buf.length);
    if (n <= 0) return false;
    pos = 0;
    limit = n;
    return true;
  }

  private int socketRead(byte[] b, int off, int len) throws IOException {
    if (!watched) {
      arm();
      return in.read(b, off, len);
    }
    if (timedOut) throw new SocketTimeoutException("Read timed out");
    boolean bounded = deadlineNanos != 0 || perReadMillis != 0;
    if (deadlineNanos != 0) {
      if (deadlineNanos - System.nanoTime() <= 0)
        throw new SocketTimeoutException("deadline passed");
      waitingUntil = deadlineNanos;
    } else if (perReadMillis != 0) {
      waitingUntil = System.nanoTime() + perReadMillis * 1_000_000L;
    }
    if (bounded) waiting = true;
    try {
      int n = in.read(b, off, len);
      if (n < 0 && timedOut) throw new SocketTimeoutException("Read timed out");
      return n;
    } catch (IOException e) {
      if (timedOut && !(e instanceof SocketTimeoutException))
        throw new SocketTimeoutException("Read timed out");
      throw e;
    } finally {
      if (bounded) waiting = false;
    }
  }

  /**
   * Ends a read waiting past its deadline at {@code now} by shutting the socket's input: the read
   * returns, and this input answers it and every later read with a {@link SocketTimeoutException}.
   * Called by {@link ReadDeadlines}' thread.
   */
  void expireIfPast(long now) {
    if (!waiting || now - waitingUntil < 0) return;
    timedOut = true;
    try {
      socket.shutdownInput();
    } catch (IOException | RuntimeException e) {
      // already closed: the read has ended anyway
    }
  }

  private void arm() throws IOException {
    int millis;
    if (deadlineNanos == 0) {
      millis = perReadMillis;
    } else {
      long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
      if (left <= 0) throw new SocketTimeoutException("deadline passed");
      millis = (int) Math.min(Integer.MAX_VALUE, left);
    }
    if (millis != armedMillis) {
      socket.setSoTimeout(millis);
      armedMillis = millis;
    }
  }
}
