package io.github.cloudtwin.cloudformation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a resource gives the rest of the template: its Ref value, its Fn::GetAtt attributes and the
 * twin's view of it (null while planning, or when the twin has no object for it).
 *
 * @param ref what Ref returns
 * @param attributes what Fn::GetAtt returns, by attribute
 * @param view the twin's live view, or null
 * @param simulated whether the twin simulates the resource
 * @param detail what other handlers read from it, or null
 */
record Outcome(
    String ref,
    Map<String, Object> attributes,
    @Nullable Object view,
    boolean simulated,
    @Nullable Object detail) {

  static Outcome of(String ref) {
    return new Outcome(ref, new LinkedHashMap<>(), null, true, null);
  }

  /**
   * What other handlers read from this resource (a launch template's settings), kept from the stack
   * view.
   */
  Outcome withDetail(Object d) {
    return new Outcome(ref, attributes, view, simulated, d);
  }

  Outcome attribute(String name, Object value) {
    attributes.put(name, value);
    return this;
  }

  Outcome withView(@Nullable Object v) {
    return new Outcome(ref, attributes, v, simulated, detail);
  }

  Outcome notSimulated() {
    return new Outcome(ref, attributes, view, false, detail);
  }
}
