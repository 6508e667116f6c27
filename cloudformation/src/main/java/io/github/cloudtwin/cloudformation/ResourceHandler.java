package io.github.cloudtwin.cloudformation;

/**
 * Reads one resource type's properties into a {@link Creation}, validating them; creates nothing.
 */
interface ResourceHandler {

  /**
   * Reads and validates; throws a TemplateValidationException (or the twin's ValidationException).
   */
  Creation read(ResourceContext r);

  /** Whether the twin simulates this type (else the resource is reported and only named). */
  default boolean simulated() {
    return true;
  }
}
