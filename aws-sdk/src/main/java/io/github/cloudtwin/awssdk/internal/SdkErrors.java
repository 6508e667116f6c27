package io.github.cloudtwin.awssdk.internal;

import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Turns the twin's errors into the SDK's exceptions: an {@link AwsErrorException} becomes the
 * service's modeled exception for its code (or the service's base exception), a twin {@link
 * ValidationException} becomes the service's validation error. Other exceptions pass through.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SdkErrors implements Function<RuntimeException, RuntimeException> {

  private final String serviceName;
  private final String validationCode;
  private final Supplier<AwsServiceException.Builder> base;
  private final Map<String, Supplier<AwsServiceException.Builder>> modeled;

  /**
   * The errors of one service.
   *
   * @param serviceName as the SDK names it in messages, such as {@code AutoScaling}
   * @param validationCode the code of the service's validation error, such as {@code
   *     ValidationError}
   * @param base the builder of the service's base exception
   * @param modeled the builders of its modeled exceptions, by error code
   */
  public SdkErrors(
      String serviceName,
      String validationCode,
      Supplier<AwsServiceException.Builder> base,
      Map<String, Supplier<AwsServiceException.Builder>> modeled) {
    this.serviceName = serviceName;
    this.validationCode = validationCode;
    this.base = base;
    this.modeled = Map.copyOf(modeled);
  }

  @Override
  public RuntimeException apply(RuntimeException e) {
    if (e instanceof AwsErrorException a)
      return build(
          a.errorCode(),
          a.statusCode(),
          Objects.requireNonNull(a.getMessage(), "AwsErrorException requires a message"),
          a);
    if (e instanceof ValidationException v) return build(validationCode, 400, v.getMessage(), v);
    return e;
  }

  private RuntimeException build(String code, int status, String message, Throwable cause) {
    AwsServiceException.Builder b = modeled.getOrDefault(code, base).get();
    return b.message(message)
        .statusCode(status)
        .cause(cause)
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName(serviceName)
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build())
        .build();
  }
}
