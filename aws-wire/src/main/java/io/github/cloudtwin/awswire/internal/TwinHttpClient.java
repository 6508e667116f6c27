package io.github.cloudtwin.awswire.internal;

import io.github.cloudtwin.awswire.AwsWire;
import io.github.cloudtwin.awswire.WireRequest;
import io.github.cloudtwin.awswire.WireResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The SDK's sync and async HTTP client interfaces over a wire: each request is answered in the
 * calling thread by {@link AwsWire#handle}, without a socket. The wire is fixed, or resolved per
 * request by {@link Routes#current()} (the SDK's default HTTP service).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TwinHttpClient implements SdkHttpClient, SdkAsyncHttpClient {

  private final Supplier<AwsWire> wire;

  /**
   * A client.
   *
   * @param wire which wire answers each request
   */
  public TwinHttpClient(Supplier<AwsWire> wire) {
    this.wire = wire;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        byte[] body = new byte[0];
        if (request.contentStreamProvider().isPresent()) {
          try (InputStream in = request.contentStreamProvider().get().newStream()) {
            body = in.readAllBytes();
          }
        }
        WireResponse response = wire.get().handle(wireRequest(request.httpRequest(), body));
        return HttpExecuteResponse.builder()
            .response(sdkResponse(response))
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
            .build();
      }

      @Override
      public void abort() {
        // answered synchronously: nothing in flight to abort
      }
    };
  }

  @Override
  public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    AwsWire answering;
    try {
      answering = wire.get();
    } catch (RuntimeException e) {
      request.responseHandler().onError(e);
      done.completeExceptionally(e);
      return done;
    }
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    request
        .requestContentPublisher()
        .subscribe(
            new Subscriber<ByteBuffer>() {
              @Override
              public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer b) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                body.writeBytes(chunk);
              }

              @Override
              public void onError(Throwable t) {
                request.responseHandler().onError(t);
                done.completeExceptionally(t);
              }

              @Override
              public void onComplete() {
                try {
                  WireResponse response =
                      answering.handle(wireRequest(request.request(), body.toByteArray()));
                  request.responseHandler().onHeaders(sdkResponse(response));
                  request.responseHandler().onStream(AsyncRequestBody.fromBytes(response.body()));
                  done.complete(null);
                } catch (RuntimeException e) {
                  request.responseHandler().onError(e);
                  done.completeExceptionally(e);
                }
              }
            });
    return done;
  }

  static WireRequest wireRequest(SdkHttpRequest http, byte[] body) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> h : http.headers().entrySet()) {
      headers.put(h.getKey(), String.join(",", h.getValue()));
    }
    headers.putIfAbsent("Host", http.host());
    String rawQuery =
        SdkHttpUtils.encodeAndFlattenQueryParameters(http.rawQueryParameters()).orElse("");
    return new WireRequest(http.method().name(), http.encodedPath(), rawQuery, headers, body);
  }

  static SdkHttpResponse sdkResponse(WireResponse response) {
    SdkHttpResponse.Builder b = SdkHttpResponse.builder().statusCode(response.status());
    response.headers().forEach(b::putHeader);
    b.putHeader("Content-Length", Integer.toString(response.body().length));
    return b.build();
  }

  @Override
  public String clientName() {
    return "CloudTwin";
  }

  @Override
  public void close() {
    // nothing to release: the twin owns its resources
  }
}
