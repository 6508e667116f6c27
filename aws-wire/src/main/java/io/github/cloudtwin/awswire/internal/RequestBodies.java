package io.github.cloudtwin.awswire.internal;

import io.github.cloudtwin.awswire.WireRequest;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The limits on a request body and the inflation of gzip bodies, ahead of any protocol codec. */
final class RequestBodies {

  /** The largest request body accepted, inflated or not: 2 MiB. */
  static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  private RequestBodies() {}

  /**
   * The request with a gzip body inflated: the SDKs compress large CloudWatch PutMetricData bodies
   * ({@code requestCompression}, above 10 KiB by default). At most {@link #MAX_BODY_BYTES}
   * inflated.
   */
  static WireRequest decompressed(WireRequest request) {
    String encoding = request.header("Content-Encoding");
    if (encoding == null
        || !encoding.toLowerCase(Locale.ROOT).contains("gzip")
        || request.body().length == 0) {
      return request;
    }
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(request.body()))) {
      byte[] inflated = in.readNBytes(MAX_BODY_BYTES + 1);
      if (inflated.length > MAX_BODY_BYTES) {
        throw new WireError(
            413,
            "RequestEntityTooLarge",
            "The request body inflates to more than " + MAX_BODY_BYTES + " bytes");
      }
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(request.headers());
      headers.remove("Content-Encoding");
      return new WireRequest(
          request.method(), request.path(), request.rawQuery(), headers, inflated);
    } catch (java.io.IOException e) {
      throw new WireError(
          400, "SerializationException", "The gzip request body is malformed: " + e.getMessage());
    }
  }

  static void checkSize(WireRequest request) {
    if (request.body().length > MAX_BODY_BYTES) {
      throw new WireError(
          413,
          "RequestEntityTooLarge",
          "The request body has "
              + request.body().length
              + " bytes; at most "
              + MAX_BODY_BYTES
              + " are accepted");
    }
  }
}
