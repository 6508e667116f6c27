package io.github.cloudtwin.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The bytes one non-blocking connection has received and not yet consumed, read by a parser as a
 * stream: a parse attempt that runs past the bytes received so far ends with a {@link NeedMore}
 * (unless the peer has closed, when the stream simply ends), and is tried again from its start once
 * more bytes have arrived. Lines are read straight from the buffer. Not thread-safe: one event loop
 * owns it.
 */
final class ByteInput extends InputStream {

  /** A parse attempt needs bytes that have not arrived yet; thrown without a stack trace. */
  static final class NeedMore extends IOException {
    private static final long serialVersionUID = 1L;

    private NeedMore() {
      super("more bytes needed", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private static final int MIN_FREE = 2048;

  private byte[] buf;
  private final int maxBytes;
  private final NeedMore needMore = new NeedMore(); // carries no state: one per input
  private @Nullable ByteBuffer window; // wraps buf
  private int start; // the first byte not consumed
  private int pos; // the parse attempt's position
  private int limit; // the end of the bytes received
  private boolean ended;
  private int wanted; // unread bytes the last attempt needed to get further

  /**
   * @param initialSize the first buffer's size
   * @param maxBytes the most unconsumed bytes held (a parse that needs more fails: see {@link
   *     #full()})
   */
  ByteInput(int initialSize, int maxBytes) {
    this.buf = new byte[Math.min(initialSize, maxBytes)];
    this.maxBytes = maxBytes;
  }

  /**
   * Reads what {@code ch} has into the buffer (one system call).
   *
   * @return the bytes read, 0 if none were ready or the buffer is full, -1 at the end of the stream
   */
  int readFrom(ReadableByteChannel ch) throws IOException {
    if (!makeRoom()) return 0;
    ByteBuffer w = window;
    if (w == null || w.capacity() != buf.length) window = w = ByteBuffer.wrap(buf);
    w.limit(buf.length).position(limit);
    int n = ch.read(w);
    if (n < 0) ended = true;
    else limit += n;
    return n;
  }

  /** Moves the unconsumed bytes to the front or grows the buffer; false when it is full. */
  private boolean makeRoom() {
    if (start == limit) start = pos = limit = 0;
    if (buf.length - limit >= MIN_FREE) return true;
    if (start > 0) {
      int unread = limit - start;
      System.arraycopy(buf, start, buf, 0, unread);
      pos -= start;
      limit = unread;
      start = 0;
      if (buf.length - limit >= MIN_FREE) return true;
    }
    if (buf.length < maxBytes) {
      buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, 2L * buf.length));
      return true;
    }
    return limit < buf.length;
  }

  /** {@return whether no more bytes fit: a parse still needing more can never complete} */
  boolean full() {
    return buf.length >= maxBytes && limit - start == buf.length;
  }

  /** Marks the end of the stream (the peer closed). */
  void end() {
    ended = true;
  }

  /** {@return whether the peer has closed its side} */
  boolean ended() {
    return ended;
  }

  /** Starts a parse attempt at the first unconsumed byte. */
  void begin() {
    pos = start;
    wanted = 0;
  }

  /** Ends a successful parse attempt: its bytes are consumed. */
  void commit() {
    start = pos;
  }

  /** {@return the bytes received and not consumed} */
  int unread() {
    return limit - start;
  }

  /** {@return the bytes after the parse attempt's position, readable without waiting} */
  int buffered() {
    return limit - pos;
  }

  /** {@return whether a new parse attempt can get further than the last one that needed more} */
  boolean ready() {
    return ended || limit - start >= wanted;
  }

  /** {@return whether the unconsumed bytes end with an empty line (the end of a message)} */
  boolean endsWithEmptyLine() {
    int n = limit;
    if (n - start < 2 || buf[n - 1] != '\n') return false;
    return buf[n - 2] == '\n' || (n - start >= 3 && buf[n - 2] == '\r' && buf[n - 3] == '\n');
  }

  private NeedMore needMore(int n) {
    wanted = pos - start + n;
    return needMore;
  }

  @Override
  public int read() throws IOException {
    if (pos == limit) {
      if (ended) return -1;
      throw needMore(1);
    }
    return buf[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (pos == limit) {
      if (ended) return -1;
      throw needMore(1);
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  /** {@return the next {@code len} bytes, fewer only when the stream ends before them} */
  @Override
  public byte[] readNBytes(int len) throws IOException {
    int n = limit - pos;
    if (n < len && !ended) throw needMore(len);
    byte[] b = Arrays.copyOfRange(buf, pos, pos + Math.min(n, len));
    pos += b.length;
    return b;
  }

  /** {@return every byte up to the end of the stream} */
  @Override
  public byte[] readAllBytes() throws IOException {
    if (!ended) throw needMore(limit - pos + 1);
    byte[] b = Arrays.copyOfRange(buf, pos, limit);
    pos = limit;
    return b;
  }

  @Override
  public int available() {
    return limit - pos;
  }

  /**
   * The next line without its line feed (and a carriage return before it), decoded as ISO-8859-1,
   * or null at the end of the stream before any byte; the bytes up to the end of the stream when it
   * ends inside a line.
   *
   * @throws RequestReader.LineTooLongException past {@code maxLength} bytes without a line feed
   */
  @Nullable String readLine(int maxLength) throws IOException {
    int end = pos;
    while (end < limit && buf[end] != '\n') end++;
    if (end - pos > maxLength + 1) throw new RequestReader.LineTooLongException();
    if (end == limit) {
      if (!ended) throw needMore(end - pos + 1);
      if (end == pos) return null;
      String partial = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
      pos = end;
      return partial;
    }
    int len = end - pos;
    if (len > 0 && buf[end - 1] == '\r') len--;
    String line = new String(buf, pos, len, StandardCharsets.ISO_8859_1);
    pos = end + 1;
    return line;
  }

  /** Drops every unconsumed byte (a connection being drained). */
  void discard() {
    start = pos = limit;
  }
}
