package io.github.cloudtwin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A non-blocking connection's received bytes read as a stream: lines straight from the buffer, a
 * parse that runs past what has arrived ends with {@link ByteInput.NeedMore} and starts over once
 * more has arrived, and the end of the stream ends lines and bodies as a blocking stream would.
 */
class ByteInputTest {

  private final Pipe pipe;

  ByteInputTest() throws IOException {
    pipe = Pipe.open();
    pipe.source().configureBlocking(false);
  }

  @AfterEach
  void close() throws IOException {
    pipe.sink().close();
    pipe.source().close();
  }

  private void send(ByteInput in, String s) throws IOException {
    pipe.sink().write(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)));
    while (in.readFrom(pipe.source()) > 0) {
      // everything sent is read
    }
  }

  @Test
  void aLineNotYetEndedNeedsMoreAndTheAttemptStartsOverWhenItHasArrived() throws IOException {
    ByteInput in = new ByteInput(8, 1024);
    send(in, "GET /a-path-longer-than-eight HTTP/1.1\r\nHo");

    in.begin();
    assertThat(in.readLine(1024)).isEqualTo("GET /a-path-longer-than-eight HTTP/1.1");
    assertThatThrownBy(() -> in.readLine(1024)).isInstanceOf(ByteInput.NeedMore.class);
    assertThat(in.ready()).as("nothing new has arrived").isFalse();

    send(in, "st: x\r\n\r\nrest");
    assertThat(in.ready()).isTrue();
    in.begin();
    assertThat(in.readLine(1024)).as("from the start again").startsWith("GET /a-path");
    assertThat(in.readLine(1024)).isEqualTo("Host: x");
    assertThat(in.readLine(1024)).isEmpty();
    in.commit();
    assertThat(in.unread()).isEqualTo(4);
    assertThat(in.read()).isEqualTo('r');

    pipe.sink().close();
    assertThat(in.readFrom(pipe.source())).isEqualTo(-1);
    assertThat(in.readLine(1024)).as("the bytes before the end of the stream").isEqualTo("est");
    assertThat(in.readLine(1024)).isNull();
  }

  @Test
  void aLineOverTheLimitIsRefusedBeforeItsEnd() throws IOException {
    ByteInput in = new ByteInput(16, 1024);
    send(in, "x".repeat(40));

    in.begin();
    assertThatThrownBy(() -> in.readLine(32))
        .isInstanceOf(RequestReader.LineTooLongException.class);
  }

  @Test
  void aBodyNeedsAllItsBytesAndTheNextAttemptWaitsForThemAll() throws IOException {
    ByteInput in = new ByteInput(16, 1024);
    send(in, "abc");

    in.begin();
    assertThatThrownBy(() -> in.readNBytes(10)).isInstanceOf(ByteInput.NeedMore.class);
    send(in, "defg");
    assertThat(in.ready()).as("7 of the 10 bytes").isFalse();
    send(in, "hij");
    assertThat(in.ready()).isTrue();
    in.begin();
    assertThat(new String(in.readNBytes(10), StandardCharsets.ISO_8859_1)).isEqualTo("abcdefghij");
  }

  @Test
  void theBufferGrowsUpToItsLimitAndThenIsFull() throws IOException {
    ByteInput in = new ByteInput(4, 4096);
    send(in, "y".repeat(4096));

    assertThat(in.unread()).isEqualTo(4096);
    assertThat(in.full()).isTrue();
    in.discard();
    assertThat(in.full()).isFalse();
    assertThat(in.unread()).isZero();
  }

  @Test
  void consumedBytesMakeRoomForNewOnes() throws IOException {
    ByteInput in = new ByteInput(4096, 4096);
    for (int i = 0; i < 100; i++) {
      send(in, "line " + i + "\r\n" + "z".repeat(100));
      in.begin();
      assertThat(in.readLine(64)).isEqualTo("line " + i);
      assertThat(in.readNBytes(100)).hasSize(100);
      in.commit();
    }
    assertThat(in.unread()).isZero();
  }

  @Test
  void aMessageEndsWithAnEmptyLine() throws IOException {
    ByteInput in = new ByteInput(64, 1024);
    send(in, "0\r\n");
    assertThat(in.endsWithEmptyLine()).isFalse();
    send(in, "\r\n");
    assertThat(in.endsWithEmptyLine()).isTrue();
  }
}
