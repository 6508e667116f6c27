package io.github.cloudtwin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Asks {@link CloudTwinExtension} for an object of the current twin.
 *
 * <p>On an instance field, the extension sets it before each test ({@code @FromTwin CloudTwin
 * twin;}, {@code @FromTwin Clock clock;}). On a parameter it is needed only to name a resource:
 * {@code @FromTwin("cpu-high") MetricAlarm alarm} (also {@code AutoScalingGroup}, {@code
 * LoadBalancer}, {@code TargetGroup}); parameters of the twin's own types ({@code CloudTwin},
 * {@code Clock}, {@code Timeline}, {@code CloudWatch}, {@code Ec2}, {@code Faults}, {@code
 * AutoScaling}, {@code LoadBalancing}, {@link TwinReport}) are injected by type without it.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface FromTwin {

  /** {@return the name of the resource (an alarm's name); empty for the twin's own objects} */
  String value() default "";
}
