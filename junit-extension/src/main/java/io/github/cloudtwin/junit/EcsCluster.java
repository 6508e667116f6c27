package io.github.cloudtwin.junit;

import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.junit.spi.ContributesToTwin;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An ECS cluster on an Auto Scaling group of container instances, declared on a test class (or
 * method): registers {@link CloudTwinExtension} and, before any {@code @CloudTwinSetup} method
 * taking the twin runs, creates
 *
 * <ul>
 *   <li>the twin with {@link #zones()} Availability Zones (and {@link #seed()} when not 0);
 *   <li>the Auto Scaling group {@code <clusterName>-asg} of {@link #instanceType()} over all zones
 *       with {@link #minSize()}, {@link #maxSize()} and {@link #desiredCapacity()};
 *   <li>the cluster {@link #clusterName()} with the capacity provider {@code <clusterName>-cp} on
 *       that group as its default strategy (managed scaling per {@link #managedScaling()} at {@link
 *       #targetCapacity()} %), so the group's instances register as they boot;
 *   <li>with {@link #loadBalancer()}: the Application Load Balancer {@code <clusterName>-alb} in
 *       all zones, the target group {@code <clusterName>-tg} ({@link #targetType()}) and an HTTP:80
 *       listener forwarding to it, for a service to name in {@code ServiceSpec.loadBalancer}.
 * </ul>
 *
 * <p>Anything finer (services, alarms, policies) goes in a {@code @CloudTwinSetup} method. The
 * created resources are injectable by type without a name while there is one of each: {@code
 * Cluster}, {@code AutoScalingGroup}, {@code LoadBalancer}, {@code TargetGroup}, {@code
 * CapacityProvider}, {@code EcsService}. Its settings win over {@link CloudTwinTest}'s zones and
 * seed.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CloudTwinExtension.class)
@ContributesToTwin(EcsClusterContributor.class)
@SuppressWarnings(
    "exports") // the contributor is this module's implementation, read by the extension alone
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface EcsCluster {

  /** {@return the cluster name (a word of letters, digits, hyphens and underscores)} */
  String clusterName() default "cluster";

  /** {@return the container instances' instance type} */
  String instanceType() default "m5.large";

  /** {@return the group's MinSize} */
  int minSize() default 0;

  /** {@return the group's MaxSize} */
  int maxSize() default 10;

  /** {@return the group's DesiredCapacity at creation} */
  int desiredCapacity() default 3;

  /** {@return how many Availability Zones the twin (and the group) has: 1 to 6} */
  int zones() default 3;

  /** {@return whether to create an Application Load Balancer, target group and listener} */
  boolean loadBalancer() default false;

  /**
   * {@return the target group's target type: INSTANCE for bridge-mode tasks, IP for awsvpc tasks}
   */
  TargetType targetType() default TargetType.INSTANCE;

  /** {@return whether the capacity provider scales the group (ECS managed scaling)} */
  boolean managedScaling() default true;

  /** {@return managed scaling's target capacity in percent (1 to 100)} */
  int targetCapacity() default 100;

  /** {@return the twin's seed; 0 keeps the seed from {@link CloudTwinTest} or the builder} */
  long seed() default 0;
}
