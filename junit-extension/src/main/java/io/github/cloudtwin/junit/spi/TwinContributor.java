package io.github.cloudtwin.junit.spi;

import io.github.cloudtwin.CloudTwin;
import java.lang.annotation.Annotation;
import org.apiguardian.api.API;

/**
 * Turns an annotation marked {@link ContributesToTwin} into twin configuration and resources.
 * Instantiated by the extension once per twin; stateless implementations are best.
 *
 * @param <A> the annotation type
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface TwinContributor<A extends Annotation> {

  /**
   * Configures the twin before it is built.
   *
   * @param annotation the annotation
   * @param builder the builder
   */
  default void configure(A annotation, CloudTwin.Builder builder) {}

  /**
   * Creates resources on the freshly built twin, before the test's setup methods see it.
   *
   * @param annotation the annotation
   * @param twin the twin
   */
  default void created(A annotation, CloudTwin twin) {}
}
