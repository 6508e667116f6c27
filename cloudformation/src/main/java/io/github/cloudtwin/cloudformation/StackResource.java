package io.github.cloudtwin.cloudformation;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One resource of an imported stack.
 *
 * @param logicalId the template's logical id
 * @param resourceType such as {@code AWS::AutoScaling::AutoScalingGroup}
 * @param physicalId what {@code Ref} returns: the twin's name, id or ARN
 * @param simulated whether the twin simulates it (else it is only a name, and in the report)
 * @param attributes what {@code Fn::GetAtt} returns, by attribute name
 * @param twinResource the twin's live view ({@code AutoScalingGroup}, {@code TargetGroup}, {@code
 *     MetricAlarm}, ...), or null when the twin has no object for it (VPC, subnet, a resource not
 *     simulated)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record StackResource(
    String logicalId,
    String resourceType,
    String physicalId,
    boolean simulated,
    Map<String, Object> attributes,
    @Nullable Object twinResource) {

  /**
   * Validates and copies.
   *
   * @param logicalId the template's logical id
   * @param resourceType such as {@code AWS::AutoScaling::AutoScalingGroup}
   * @param physicalId what {@code Ref} returns: the twin's name, id or ARN
   * @param simulated whether the twin simulates it (else it is only a name, and in the report)
   * @param attributes what {@code Fn::GetAtt} returns, by attribute name
   * @param twinResource the twin's live view ({@code AutoScalingGroup}, {@code TargetGroup}, {@code
   *     MetricAlarm}, ...), or null when the twin has no object for it (VPC, subnet, a resource not
   *     simulated)
   */
  public StackResource {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(physicalId, "physicalId");
    attributes = Map.copyOf(attributes);
  }
}
