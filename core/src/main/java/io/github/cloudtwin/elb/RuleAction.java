package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a listener rule does: forward to one or more weighted target groups, or answer with a fixed
 * response.
 *
 * @param targetGroupWeights for {@code forward}: target-group name to weight (0-999), in order;
 *     empty for a fixed response
 * @param fixedStatusCode for {@code fixed-response}: 2XX, 4XX or 5XX; 0 for forward
 * @param fixedContentType for {@code fixed-response}, or null
 * @param fixedMessageBody for {@code fixed-response}, or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RuleAction(
    Map<String, Integer> targetGroupWeights,
    int fixedStatusCode,
    @Nullable String fixedContentType,
    @Nullable String fixedMessageBody) {

  /**
   * Validates and copies.
   *
   * @param targetGroupWeights for {@code forward}: target-group name to weight (0-999), in order;
   *     empty for a fixed response
   * @param fixedStatusCode for {@code fixed-response}: 2XX, 4XX or 5XX; 0 for forward
   * @param fixedContentType for {@code fixed-response}, or null
   * @param fixedMessageBody for {@code fixed-response}, or null
   */
  public RuleAction {
    Require.notNull("ForwardConfig.TargetGroups", targetGroupWeights);
    targetGroupWeights =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targetGroupWeights));
    if (targetGroupWeights.isEmpty()) {
      if (fixedStatusCode < 200
          || fixedStatusCode > 599
          || (fixedStatusCode >= 300 && fixedStatusCode < 400)) {
        throw new ValidationException(
            "FixedResponseConfig.StatusCode", fixedStatusCode, "2XX, 4XX or 5XX");
      }
    } else {
      if (targetGroupWeights.size() > 5)
        throw new ValidationException(
            "ForwardConfig.TargetGroups", targetGroupWeights.size(), "1 to 5 target groups");
      int total = 0;
      for (Map.Entry<String, Integer> e : targetGroupWeights.entrySet()) {
        Require.name("ForwardConfig.TargetGroups.TargetGroupArn", e.getKey());
        Require.between(
            "ForwardConfig.TargetGroups.Weight", Require.notNull("Weight", e.getValue()), 0, 999);
        total += e.getValue();
      }
      if (total == 0)
        throw new ValidationException(
            "ForwardConfig.TargetGroups.Weight", 0, "at least one weight above 0");
      if (fixedStatusCode != 0)
        throw new ValidationException(
            "FixedResponseConfig", fixedStatusCode, "no fixed response on a forward action");
    }
  }

  /**
   * Forward everything to one target group.
   *
   * @param targetGroupName the target group name
   * @return the forward action
   */
  public static RuleAction forward(String targetGroupName) {
    return new RuleAction(
        Map.of(Require.name("TargetGroupArn", targetGroupName), 1), 0, null, null);
  }

  /**
   * Forward to weighted target groups: alternating names and weights, such as ("blue", 90, "green",
   * 10).
   *
   * @param namesAndWeights the names and weights
   * @return the weighted forward action
   */
  public static RuleAction forward(Object... namesAndWeights) {
    if (namesAndWeights.length == 0 || namesAndWeights.length % 2 != 0) {
      throw new ValidationException(
          "ForwardConfig.TargetGroups",
          namesAndWeights.length,
          "pairs of target-group name and weight");
    }
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndWeights.length; i += 2) {
      if (!(namesAndWeights[i] instanceof String n)
          || !(namesAndWeights[i + 1] instanceof Integer w)) {
        throw new ValidationException(
            "ForwardConfig.TargetGroups",
            namesAndWeights[i],
            "a name (String) followed by a weight (Integer)");
      }
      m.put(n, w);
    }
    return new RuleAction(m, 0, null, null);
  }

  /**
   * Answer with a fixed response.
   *
   * @param statusCode the status code
   * @param contentType the content type
   * @param messageBody the message body
   * @return answer with a fixed response
   */
  public static RuleAction fixedResponse(
      int statusCode, @Nullable String contentType, @Nullable String messageBody) {
    return new RuleAction(Map.of(), statusCode, contentType, messageBody);
  }

  /** {@return whether this is a forward action} */
  public boolean isForward() {
    return !targetGroupWeights.isEmpty();
  }

  List<String> targetGroupNames() {
    return new ArrayList<>(targetGroupWeights.keySet());
  }
}
