package io.github.cloudtwin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connection's buffered input: lines straight from the buffer, and deadlines that end a blocking
 * read without a socket read timeout (the socket stays in blocking mode: one system call a read).
 */
@Timeout(30) // a read the deadlines fail to end would block for ever
class SocketInputTest {

  private final ReadDeadlines deadlines = new ReadDeadlines("test");
  private ServerSocket server;
  private Socket client;
  private Socket served;

  @BeforeEach
  void connect() throws IOException {
    deadlines.start();
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    served = server.accept();
  }

  @AfterEach
  void close() throws IOException {
    deadlines.close();
    client.close();
    served.close();
    server.close();
  }

  private void send(String s) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Test
  void linesLongerThanTheBufferAreJoinedAndLoseTheirCarriageReturn() throws IOException {
    SocketInput in = deadlines.watch(served, 8);
    in.perRead(5_000);
    send("GET /a-path-longer-than-eight HTTP/1.1\r\nHost: x\r\n\r\nrest");

    assertThat(in.readLine(1024)).isEqualTo("GET /a-path-longer-than-eight HTTP/1.1");
    assertThat(in.readLine(1024)).isEqualTo("Host: x");
    assertThat(in.readLine(1024)).isEmpty();
    assertThat(in.peek()).isEqualTo('r');
    assertThat(in.read()).isEqualTo('r');
    client.shutdownOutput();
    assertThat(in.readLine(1024)).as("the bytes before the end of the stream").isEqualTo("est");
    assertThat(in.readLine(1024)).isNull();
    assertThat(served.getSoTimeout()).as("no read timeout: blocking reads").isZero();
  }

  @Test
  void aLineOverTheLimitIsRefusedBeforeItsEnd() throws IOException {
    SocketInput in = deadlines.watch(served, 16);
    in.perRead(5_000);
    send("x".repeat(40));

    assertThatThrownBy(() -> in.readLine(32))
        .isInstanceOf(RequestReader.LineTooLongException.class);
  }

  @Test
  void aReadWaitingPastItsTimeoutEndsWithSocketTimeoutException() throws IOException {
    SocketInput in = deadlines.watch(served, 64);
    in.perRead(200);
    long start = System.nanoTime();

    assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);

    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(waitedMillis).isBetween(190L, 5_000L);
    assertThatThrownBy(in::read)
        .as("and every later read")
        .isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void aDeadlineCoversAllReadsTogetherHoweverSlowlyTheBytesTrickleIn() throws Exception {
    SocketInput in = deadlines.watch(served, 64);
    in.deadline(600);
    Thread trickle =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 20; i++) {
                  send("a");
                  Thread.sleep(100);
                }
              } catch (IOException | InterruptedException e) {
                // the reader gave up
              }
            });
    trickle.start();
    int read = 0;
    try {
      while (true) {
        if (in.read() < 0) break;
        read++;
      }
    } catch (SocketTimeoutException expected) {
      // the deadline passed
    }
    trickle.interrupt();
    trickle.join();

    assertThat(read).as("bytes read before the deadline").isBetween(1, 12);
  }

  @Test
  void dataArrivingInTimeIsReadAndTheDeadlineMovesWithEachPerReadWait() throws Exception {
    SocketInput in = deadlines.watch(served, 64);
    in.perRead(400);
    for (int i = 0; i < 4; i++) {
      Thread.sleep(150); // 600 ms in all: only each wait counts
      send("line " + i + "\r\n");
      assertThat(in.readLine(100)).isEqualTo("line " + i);
    }
  }

  @Test
  void anUnwatchedInputUsesTheSocketsReadTimeout() throws IOException {
    SocketInput in = new SocketInput(served, 64, false);
    in.perRead(150);

    assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
    assertThat(served.getSoTimeout()).isEqualTo(150);
  }
}
