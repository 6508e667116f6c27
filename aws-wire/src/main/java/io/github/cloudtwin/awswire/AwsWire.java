package io.github.cloudtwin.awswire;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import io.github.cloudtwin.awswire.internal.Routes;
import io.github.cloudtwin.awswire.internal.TwinHttpClient;
import io.github.cloudtwin.awswire.internal.WireDispatcher;
import java.util.Objects;
import org.apiguardian.api.API;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * The AWS services' wire protocols over one twin: awsQuery (Auto Scaling, Elastic Load Balancing
 * v2, CloudWatch), the EC2 query protocol, awsJson 1.1 (ECS, Application Auto Scaling), awsJson 1.0
 * and Smithy RPC v2 CBOR (CloudWatch). A request is decoded into the SDK's request object and
 * answered by {@link AwsSdkClients}' in-process client, so behaviour is the same whichever door it
 * came in by. Signatures are accepted, not verified: any credentials work.
 *
 * <p>The doors:
 *
 * <ul>
 *   <li>{@link #startEndpoint()}: an HTTP endpoint on 127.0.0.1 for the AWS CLI, boto3 and other
 *       SDKs;
 *   <li>{@link #bind()}: while the binding is open, SDK clients the code builds itself the ordinary
 *       way ({@code AutoScalingClient.create()}) are answered by this twin, in-process, if the SDK
 *       picks {@link TwinSdkHttpService} as its HTTP implementation (see there);
 *   <li>{@link #httpClient()} / {@link #asyncHttpClient()}: an HTTP client to hand to a client
 *       builder, bound to this twin whatever thread calls;
 * </ul>
 *
 * <pre>{@code
 * AwsWire wire = AwsWire.of(twin);
 * try (AwsWire.Binding bound = wire.bind()) {
 *   codeThatCallsAutoScalingClientCreate();
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class AwsWire {

  private final WireDispatcher dispatcher;

  private AwsWire(AwsSdkClients sdk) {
    this.dispatcher = new WireDispatcher(Objects.requireNonNull(sdk, "sdk"));
  }

  /**
   * The wire over a twin, with its own {@link AwsSdkClients}.
   *
   * @param twin the twin
   * @return the wire
   */
  public static AwsWire of(CloudTwin twin) {
    return new AwsWire(AwsSdkClients.of(twin));
  }

  /**
   * The wire over the clients a test already uses, so launch templates created through either are
   * seen by both.
   *
   * @param sdk the twin's in-process clients
   * @return the wire
   */
  public static AwsWire of(AwsSdkClients sdk) {
    return new AwsWire(sdk);
  }

  /** {@return the twin} */
  public CloudTwin twin() {
    return dispatcher.sdk().twin();
  }

  /** {@return the in-process clients that answer the decoded requests} */
  public AwsSdkClients sdk() {
    return dispatcher.sdk();
  }

  /**
   * Answers one HTTP request of any of the protocols. Bad input (malformed bodies, unknown actions
   * or targets, wrong content types, oversized bodies) gets AWS's error response and leaves the
   * twin unchanged; nothing throws.
   *
   * @param request the request
   * @return the response
   */
  public WireResponse handle(WireRequest request) {
    return dispatcher.handle(request);
  }

  /**
   * An SDK HTTP client answered by this twin without a socket, for a client builder's {@code
   * httpClient(...)}. It is bound to this twin on every thread; closing it does nothing.
   *
   * @return the client
   */
  public SdkHttpClient httpClient() {
    return new TwinHttpClient(() -> this);
  }

  /**
   * The async variant of {@link #httpClient()}, for {@code httpClient(...)} of an async client
   * builder.
   *
   * @return the client (responses are complete when {@code execute} returns)
   */
  public SdkAsyncHttpClient asyncHttpClient() {
    return new TwinHttpClient(() -> this);
  }

  /**
   * Makes this twin answer the requests of SDK clients that use {@link TwinSdkHttpService} (the
   * clients code builds itself) on the current thread until the binding is closed. Bindings nest:
   * the innermost open one of a thread answers. A request from a thread without a binding (an SDK
   * worker thread, a pool the code under test starts) is answered by the only binding open in the
   * JVM; with several open (parallel test classes) it fails with a message saying so rather than
   * reach the wrong twin.
   *
   * @return the binding; close it (try-with-resources) on the thread that opened it
   */
  public Binding bind() {
    return new Binding(Routes.bind(this));
  }

  /**
   * Starts the loopback endpoint: an HTTP/1.1 listener on 127.0.0.1 and an ephemeral port that
   * answers the wire protocols and a control API ({@link LoopbackEndpoint}). It closes with the
   * twin.
   *
   * @return the running endpoint; close it to stop it earlier
   */
  public LoopbackEndpoint startEndpoint() {
    return LoopbackEndpoint.start(this);
  }

  /** A scoped binding of a twin to the SDK's default HTTP service; see {@link AwsWire#bind()}. */
  public static final class Binding implements AutoCloseable {
    private final Routes.Binding binding;

    private Binding(Routes.Binding binding) {
      this.binding = binding;
    }

    /** {@return the bound wire} */
    public AwsWire wire() {
      return binding.wire();
    }

    /**
     * Ends the binding; requests of clients that are still open then go to another binding or fail.
     */
    @Override
    public void close() {
      binding.close();
    }
  }
}
