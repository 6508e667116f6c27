package io.github.cloudtwin.awswire.junit;

import io.github.cloudtwin.awswire.TwinSdkHttpService;
import io.github.cloudtwin.awswire.internal.TwinHttpClient;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.core.internal.http.loader.DefaultSdkHttpClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The system properties through which the SDK's defaults find the twin: its HTTP service, a region
 * and credentials. Sets only what is absent, never removes anything.
 */
final class SdkDefaults {

  static final String SYNC_SERVICE = "software.amazon.awssdk.http.service.impl";
  static final String ASYNC_SERVICE = "software.amazon.awssdk.http.async.service.impl";
  static final String DUMMY_CREDENTIAL = "cloudtwin";

  private final Properties properties;
  private final Map<String, String> environment;

  private SdkDefaults(Properties properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  static SdkDefaults of(Properties properties, Map<String, String> environment) {
    return new SdkDefaults(properties, environment);
  }

  /**
   * Names the twin's HTTP service in both properties where unset; refuses a property naming
   * another.
   */
  void selectHttpService() {
    for (String key : List.of(SYNC_SERVICE, ASYNC_SERVICE)) {
      Object before = properties.putIfAbsent(key, TwinSdkHttpService.CLASS_NAME);
      if (before != null && !TwinSdkHttpService.CLASS_NAME.equals(before)) {
        throw new ExtensionConfigurationException(
            "@BindSdkClients: the system property "
                + key
                + " is "
                + before
                + ", so SDK clients the code builds would use that HTTP client, not the twin. Set it to "
                + TwinSdkHttpService.CLASS_NAME
                + " for the tests, or leave it unset.");
      }
    }
  }

  /**
   * The twin's region and dummy credentials where neither the properties nor the environment have
   * them.
   */
  void defaultRegionAndCredentials(String region) {
    if (absent("aws.region", "AWS_REGION")) properties.putIfAbsent("aws.region", region);
    if (absent("aws.accessKeyId", "AWS_ACCESS_KEY_ID")
        && absent("aws.secretAccessKey", "AWS_SECRET_ACCESS_KEY")) {
      properties.putIfAbsent("aws.accessKeyId", DUMMY_CREDENTIAL);
      properties.putIfAbsent("aws.secretAccessKey", DUMMY_CREDENTIAL);
    }
  }

  private boolean absent(String property, String variable) {
    String env = environment.get(variable);
    return properties.getProperty(property) == null && (env == null || env.isBlank());
  }

  /**
   * Fails unless the SDK's default HTTP client is the twin's.
   *
   * @param chosen the class of the client the SDK builds by default, or a sentence saying why it
   *     builds none; {@code null} when that cannot be told (an SDK without the loader checked)
   */
  static void checkChosen(@Nullable String chosen) {
    if (chosen == null || chosen.equals(TwinHttpClient.class.getName())) return;
    throw new ExtensionConfigurationException(
        "@BindSdkClients: the AWS SDK's default HTTP client in this JVM is "
            + chosen
            + ", not the twin's, so SDK clients the code builds would not reach the twin. The SDK chooses once per JVM,"
            + " when its first client is built: a client built earlier without the twin's HTTP service fixed the choice."
            + " Set the system properties "
            + SYNC_SERVICE
            + " and "
            + ASYNC_SERVICE
            + " to "
            + TwinSdkHttpService.CLASS_NAME
            + " for the whole test JVM (Surefire's systemPropertyVariables; see docs/wire-protocols.md).");
  }

  /**
   * {@return the class of the HTTP client the SDK builds for a client without one, or why it builds
   * none}
   */
  static @Nullable String sdkDefaultHttpClientName() {
    try (SdkHttpClient client =
        new DefaultSdkHttpClientBuilder().buildWithDefaults(AttributeMap.empty())) {
      return client.getClass().getName();
    } catch (RuntimeException e) {
      return "none (" + e.getMessage() + ")";
    } catch (LinkageError e) {
      return null; // the SDK's loader moved: nothing to check against
    }
  }
}
