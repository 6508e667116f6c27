package io.github.cloudtwin.assertj;

import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;

/**
 * What a timeline event should look like: its resource ({@code alarm/cpu-high}, or a prefix ending
 * in {@code *} such as {@code instance/*}), optionally its kind, and a fragment of its message.
 *
 * @param resource the exact resource, or a prefix followed by {@code *}
 * @param kind the exact kind, or empty for any
 * @param messageFragment text the message contains, or empty for any
 */
public record EventPattern(String resource, String kind, String messageFragment) {

  /**
   * Validates.
   *
   * @param resource the exact resource, or a prefix followed by {@code *}
   * @param kind the exact kind, or empty for any
   * @param messageFragment text the message contains, or empty for any
   */
  public EventPattern {
    Require.name("resource", resource);
    Require.notNull("kind", kind);
    Require.notNull("messageFragment", messageFragment);
  }

  /**
   * An event of {@code resource} whose message contains {@code messageFragment}.
   *
   * @param resource the resource
   * @param messageFragment the message fragment
   * @return an event of {@code resource} whose message contains {@code messageFragment}
   */
  public static EventPattern event(String resource, String messageFragment) {
    return new EventPattern(resource, "", messageFragment);
  }

  /**
   * An event of {@code resource} of {@code kind} whose message contains {@code messageFragment}.
   *
   * @param resource the resource
   * @param kind the kind
   * @param messageFragment the message fragment
   * @return an event of {@code resource} of {@code kind} whose message contains {@code
   *     messageFragment}
   */
  public static EventPattern event(String resource, String kind, String messageFragment) {
    return new EventPattern(resource, kind, messageFragment);
  }

  /**
   * Whether {@code e} matches resource, kind and message.
   *
   * @param e the event
   * @return whether {@code e} matches resource, kind and message
   */
  public boolean matches(TimelineEvent e) {
    return matchesResource(e)
        && (kind.isEmpty() || kind.equals(e.kind()))
        && e.message().contains(messageFragment);
  }

  /**
   * Whether {@code e}'s resource matches.
   *
   * @param e the event
   * @return whether {@code e}'s resource matches
   */
  public boolean matchesResource(TimelineEvent e) {
    return resource.endsWith("*")
        ? e.resource().startsWith(resource.substring(0, resource.length() - 1))
        : e.resource().equals(resource);
  }

  /**
   * How close {@code e} comes: 2 for the resource, 1 each for kind and message; -1 without the resource.
   *
   * @param e the event
   * @return how close {@code e} comes: 2 for the resource, 1 each for kind and message; -1 without
   *     the resource
   */
  public int closeness(TimelineEvent e) {
    if (!matchesResource(e)) return -1;
    return (kind.isEmpty() || kind.equals(e.kind()) ? 1 : 0) + (e.message().contains(messageFragment) ? 1 : 0);
  }

  /**
   * What differs between this pattern and {@code e}, in words.
   *
   * @param e the event
   * @return what differs between this pattern and {@code e}, in words
   */
  public String mismatch(TimelineEvent e) {
    if (matches(e)) return "matches";
    StringBuilder sb = new StringBuilder();
    if (!matchesResource(e)) sb.append("resource is ").append(e.resource());
    if (!kind.isEmpty() && !kind.equals(e.kind())) {
      if (sb.length() > 0) sb.append(", ");
      sb.append("kind is ").append(e.kind()).append(", not ").append(kind);
    }
    if (!e.message().contains(messageFragment)) {
      if (sb.length() > 0) sb.append(", ");
      sb.append("message lacks \"").append(messageFragment).append('"');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return resource
        + (kind.isEmpty() ? "" : " [" + kind + "]")
        + (messageFragment.isEmpty() ? "" : " \"" + messageFragment + "\"");
  }
}
