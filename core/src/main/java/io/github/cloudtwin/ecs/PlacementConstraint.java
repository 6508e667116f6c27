package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A binding task placement constraint: {@code distinctInstance}, or {@code memberOf} with a cluster
 * query expression such as {@code attribute:ecs.instance-type =~ t3.*}. The expression is parsed
 * here, so a bad one is rejected when the constraint is built.
 *
 * @param type {@code distinctInstance} or {@code memberOf}
 * @param expression the cluster query for memberOf; null for distinctInstance
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record PlacementConstraint(String type, @Nullable String expression) {

  /**
   * Validates and parses the expression.
   *
   * @param type {@code distinctInstance} or {@code memberOf}
   * @param expression the cluster query for memberOf; null for distinctInstance
   */
  public PlacementConstraint {
    Require.oneOf(
        "placementConstraint.type", type, java.util.List.of("distinctInstance", "memberOf"));
    if (type.equals("memberOf")) {
      ClusterQuery.parse(Require.name("placementConstraint.expression", expression));
    } else if (expression != null) {
      throw new ValidationException(
          "placementConstraint.expression", expression, "no expression for distinctInstance");
    }
  }

  /** {@return each task of the service on a different instance} */
  public static PlacementConstraint distinctInstance() {
    return new PlacementConstraint("distinctInstance", null);
  }

  /**
   * Only instances matching the cluster query {@code expression}.
   *
   * @param expression the expression
   * @return only instances matching the cluster query {@code expression}
   */
  public static PlacementConstraint memberOf(String expression) {
    return new PlacementConstraint("memberOf", expression);
  }

  @Override
  public String toString() {
    return expression == null ? type : type + "(" + expression + ")";
  }
}
