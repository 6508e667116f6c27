package io.github.cloudtwin.http;

import java.io.IOException;

/** A request the listener answers with an error status and then closes the connection. */
final class BadRequest extends IOException {

  private static final long serialVersionUID = 1L;

  final int status;

  /**
   * Whether the client may still be sending (drain its input before closing, so it reads the
   * answer).
   */
  final boolean drain;

  BadRequest(int status, String text, boolean drain) {
    super(text);
    this.status = status;
    this.drain = drain;
  }
}
