package io.github.cloudtwin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with a {@link io.github.cloudtwin.CloudTwin}: a fresh twin per test method (or
 * one per class), injected into parameters and {@link FromTwin} fields, closed by JUnit.
 *
 * <pre>{@code
 * @CloudTwinTest(seed = 7, availabilityZones = 2)
 * class ScalingTest {
 *   @Test
 *   void launches(CloudTwin twin, Ec2 ec2) { ... }
 * }
 * }</pre>
 *
 * <p>The same as {@code @ExtendWith(CloudTwinExtension.class)} plus these settings; for settings in
 * code use {@code @RegisterExtension CloudTwinExtension.builder()...build()} instead (not both).
 * {@code @Nested} classes use the settings of the nearest enclosing annotated class.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CloudTwinExtension.class)
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface CloudTwinTest {

  /** {@return the seed of every random choice the twin makes} */
  long seed() default 0;

  /** {@return the region code} */
  String region() default "us-east-1";

  /** {@return how many of the region's zones the twin has (its first N, in name order)} */
  int availabilityZones() default 3;

  /** {@return the instant virtual time starts at, in ISO-8601 ({@code 2026-01-01T00:00:00Z})} */
  String start() default "2026-01-01T00:00:00Z";

  /** {@return a twin per test method (default) or per test class} */
  TwinLifecycle lifecycle() default TwinLifecycle.PER_METHOD;

  /** {@return when the HTML report is written (default: for failed tests)} */
  ReportMode report() default ReportMode.ON_FAILURE;
}
