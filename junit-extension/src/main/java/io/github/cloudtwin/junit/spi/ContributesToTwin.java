package io.github.cloudtwin.junit.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Meta-annotation for annotations that shape the twin of a test, such as a future
 * {@code @EcsCluster}: put it on the annotation type, naming a {@link TwinContributor}. When a test
 * class (or an enclosing class, or the test method with {@link
 * io.github.cloudtwin.junit.TwinLifecycle#PER_METHOD}) carries the annotation, the extension calls
 * the contributor while creating the twin.
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.INTERNAL, since = "0.1.0")
public @interface ContributesToTwin {

  /** {@return the contributor; it needs a public or package-visible no-argument constructor} */
  @SuppressWarnings("rawtypes")
  Class<? extends TwinContributor> value();
}
