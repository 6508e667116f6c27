package io.github.cloudtwin.awswire;

import io.github.cloudtwin.awswire.internal.Routes;
import io.github.cloudtwin.awswire.internal.TwinHttpClient;
import org.apiguardian.api.API;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's HTTP-service hook: with this as the SDK's default HTTP implementation, every SDK client
 * built without an explicit {@code httpClient} is answered by the twin {@link AwsWire#bind() bound}
 * when it sends a request. The SDK picks it when it is the only HTTP implementation on the class
 * path (found by {@link java.util.ServiceLoader}), or whatever else is there when the system
 * properties {@code software.amazon.awssdk.http.service.impl} and {@code
 * software.amazon.awssdk.http.async.service.impl} name this class (set them before the first SDK
 * client of the JVM is built: the SDK remembers its choice for the JVM's life).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class TwinSdkHttpService implements SdkHttpService, SdkAsyncHttpService {

  /** The value of the SDK's HTTP-service system properties that selects this service. */
  public static final String CLASS_NAME = "io.github.cloudtwin.awswire.TwinSdkHttpService";

  /** For the ServiceLoader and the SDK's system properties. */
  public TwinSdkHttpService() {}

  @Override
  public SdkHttpClient.Builder<?> createHttpClientBuilder() {
    return new SyncBuilder();
  }

  @Override
  public SdkAsyncHttpClient.Builder<?> createAsyncHttpClientFactory() {
    return new AsyncBuilder();
  }

  /**
   * Makes the SDK pick this service, whatever other HTTP implementations are on the class path, by
   * setting its two system properties. Effective only before the JVM's first SDK client is built.
   */
  public static void selectAsSdkDefault() {
    System.setProperty("software.amazon.awssdk.http.service.impl", CLASS_NAME);
    System.setProperty("software.amazon.awssdk.http.async.service.impl", CLASS_NAME);
  }

  private static final class SyncBuilder implements SdkHttpClient.Builder<SyncBuilder> {
    @Override
    public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
      return new TwinHttpClient(Routes::current);
    }
  }

  private static final class AsyncBuilder implements SdkAsyncHttpClient.Builder<AsyncBuilder> {
    @Override
    public SdkAsyncHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
      return new TwinHttpClient(Routes::current);
    }
  }
}
