package io.github.cloudtwin.cloudformation.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports a CloudFormation template into the twin of each test (or of the class, with {@code
 * TwinLifecycle.PER_CLASS}); put it after {@code @CloudTwinTest}. Resources are injected by logical
 * id with {@link FromStack}.
 *
 * <pre>{@code
 * @CloudTwinTest(seed = 7)
 * @CloudFormationStack(template = "templates/web-tier.yaml", parameters = "Env=test;MinSize=3")
 * class WebTierTest {
 *   @FromStack("WebServerGroup") AutoScalingGroup group;
 *
 *   @Test
 *   void scalesOut(CloudTwin twin) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(CloudFormationExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface CloudFormationStack {

  /**
   * {@return the template: a classpath resource ({@code templates/web.yaml}) or, if there is none,
   * a file path}
   */
  String template();

  /**
   * {@return parameter values as {@code Key=Value} pairs separated by ';' (a list value keeps its
   * commas)}
   */
  String parameters() default "";

  /** {@return the stack name; default: the template's file name without extension} */
  String stackName() default "";

  /**
   * {@return the SSM parameter values, each {@code /name=value}, for {@code
   * AWS::SSM::Parameter::Value} parameters}
   */
  String[] ssmParameters() default {};

  /** {@return export values, each {@code ExportName=value}, for {@code Fn::ImportValue}} */
  String[] importValues() default {};

  /** {@return existing subnets, each {@code subnet-id=zone}, for subnet parameters} */
  String[] subnets() default {};

  /**
   * {@return where nested stacks' templates are: a classpath folder; default: the folder of {@link
   * #template()}}
   */
  String nestedTemplates() default "";
}
