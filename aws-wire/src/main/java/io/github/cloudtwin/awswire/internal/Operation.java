package io.github.cloudtwin.awswire.internal;

import java.lang.reflect.Method;
import org.apiguardian.api.API;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One operation of a service: its AWS name, the sync client method that serves it and how to start
 * its request.
 *
 * @param name the operation's name, such as {@code DescribeAutoScalingGroups}
 * @param method the sync client's method, such as {@code
 *     describeAutoScalingGroups(DescribeAutoScalingGroupsRequest)}
 * @param builder the request class's static {@code builder()} method
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Operation(String name, Method method, Method builder) {

  /** {@return a new, empty builder of this operation's request} */
  public SdkPojo newRequestBuilder() {
    try {
      return (SdkPojo) builder.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot build a " + method.getParameterTypes()[0].getName(), e);
    }
  }
}
