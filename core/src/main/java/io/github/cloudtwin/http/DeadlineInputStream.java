package io.github.cloudtwin.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input with a wall-clock deadline for all reads together (a request head must arrive
 * within the header timeout however slowly it trickles in), or a timeout per read. Not thread-safe:
 * one connection thread owns it.
 */
final class DeadlineInputStream extends InputStream {

  private final Socket socket;
  private final InputStream in;
  private long deadlineNanos; // 0: per-read timeout only
  private int perReadMillis;

  DeadlineInputStream(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
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

  private void arm() throws IOException {
    if (deadlineNanos == 0) {
      socket.setSoTimeout(perReadMillis);
      return;
    }
    long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
    if (left <= 0) throw new SocketTimeoutException("deadline passed");
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
  }

  @Override
  public int read() throws IOException {
    arm();
    return in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    arm();
    return in.read(b, off, len);
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }
}
