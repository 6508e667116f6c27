package io.github.cloudtwin.cloudformation.junit;

import io.github.cloudtwin.junit.ResolvedElsewhere;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Injects a resource of the {@link CloudFormationStack} by logical id, as the twin's view of it:
 * {@code @FromStack("WebServerGroup") AutoScalingGroup group}. Also {@code MetricAlarm}, {@code
 * LoadBalancer}, {@code TargetGroup}, {@code ScalingPolicy}, {@code EcsService}, {@code Cluster},
 * the {@code StackResource}, or a {@code String} (the physical id). With an empty value, a {@code
 * Stack} parameter or field gets the stack itself.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ResolvedElsewhere
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface FromStack {

  /** {@return the logical id; empty for the {@code Stack} itself} */
  String value() default "";
}
