package io.github.cloudtwin.assertj;

import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a timeline event should look like: its resource ({@code alarm/cpu-high}, or a prefix ending
 * in {@code *} such as {@code instance/*}), optionally its kind, a fragment of its message, and the
 * type of its {@link Fact} with a condition on the fact's values. Prefer facts: {@code
 * fact(DesiredCapacityChanged.class, c -> c.to() == 4)} says what it means and survives a change of
 * wording; message fragments are for events that have no typed fact ({@link
 * io.github.cloudtwin.facts.Note}).
 *
 * @param resource the exact resource, or a prefix followed by {@code *} ({@code *} alone: any)
 * @param kind the exact kind, or empty for any
 * @param messageFragment text the message contains, or empty for any
 * @param factType the type the event's fact must have, or null for any
 * @param condition what the fact must satisfy (only with a fact type), or null for anything
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record EventPattern(
    String resource,
    String kind,
    String messageFragment,
    @Nullable Class<? extends Fact> factType,
    @Nullable Predicate<Fact> condition) {

  /**
   * Validates.
   *
   * @param resource the exact resource, or a prefix followed by {@code *} ({@code *} alone: any)
   * @param kind the exact kind, or empty for any
   * @param messageFragment text the message contains, or empty for any
   * @param factType the type the event's fact must have, or null for any
   * @param condition what the fact must satisfy (only with a fact type), or null for anything
   */
  public EventPattern {
    Require.notBlank("resource", resource);
    Require.notNull("kind", kind);
    Require.notNull("messageFragment", messageFragment);
    if (condition != null && factType == null) {
      throw new io.github.cloudtwin.kernel.ValidationException(
          "factType", null, "a fact type when a condition is given");
    }
  }

  /**
   * A pattern on resource, kind and message only.
   *
   * @param resource the exact resource, or a prefix followed by {@code *}
   * @param kind the exact kind, or empty for any
   * @param messageFragment text the message contains, or empty for any
   */
  public EventPattern(String resource, String kind, String messageFragment) {
    this(resource, kind, messageFragment, null, null);
  }

  /**
   * An event of any resource whose fact is of {@code type}.
   *
   * @param type the fact type, for instance {@code AlarmStateChanged.class}
   * @return the pattern
   */
  public static EventPattern fact(Class<? extends Fact> type) {
    Require.notNull("type", type);
    return new EventPattern("*", "", "", type, null);
  }

  /**
   * An event of any resource whose fact is of {@code type} and satisfies {@code condition}.
   *
   * @param <T> the fact type
   * @param type the fact type, for instance {@code DesiredCapacityChanged.class}
   * @param condition what the fact must satisfy, for instance {@code c -> c.to() == 4}
   * @return the pattern
   */
  public static <T extends Fact> EventPattern fact(Class<T> type, Predicate<? super T> condition) {
    Require.notNull("type", type);
    Require.notNull("condition", condition);
    return new EventPattern("*", "", "", type, f -> condition.test(type.cast(f)));
  }

  /**
   * The same pattern restricted to one resource.
   *
   * @param resource the exact resource, or a prefix followed by {@code *}
   * @return the pattern
   */
  public EventPattern of(String resource) {
    return new EventPattern(resource, kind, messageFragment, factType, condition);
  }

  /**
   * Whether {@code e}'s fact has the type and satisfies the condition (true without a fact type).
   *
   * @param e the event
   * @return whether {@code e}'s fact matches
   */
  public boolean matchesFact(TimelineEvent e) {
    return factType == null
        || factType.isInstance(e.fact()) && (condition == null || condition.test(e.fact()));
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
        && matchesFact(e)
        && (messageFragment.isEmpty() || e.message().contains(messageFragment));
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
   * How close {@code e} comes: 1 each for kind, message, fact type and fact condition; -1 without
   * the resource.
   *
   * @param e the event
   * @return how close {@code e} comes: 1 each for kind, message, fact type and fact condition; -1
   *     without the resource
   */
  public int closeness(TimelineEvent e) {
    if (!matchesResource(e)) return -1;
    return (kind.isEmpty() || kind.equals(e.kind()) ? 1 : 0)
        + (messageFragment.isEmpty() || e.message().contains(messageFragment) ? 1 : 0)
        + (factType == null || factType.isInstance(e.fact()) ? 1 : 0)
        + (matchesFact(e) ? 1 : 0);
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
    if (!messageFragment.isEmpty() && !e.message().contains(messageFragment)) {
      if (sb.length() > 0) sb.append(", ");
      sb.append("message lacks \"").append(messageFragment).append('"');
    }
    if (factType != null && !factType.isInstance(e.fact())) {
      if (sb.length() > 0) sb.append(", ");
      sb.append("fact is ")
          .append(factName(e.fact().getClass()))
          .append(", not ")
          .append(factName(factType));
    } else if (!matchesFact(e)) {
      if (sb.length() > 0) sb.append(", ");
      sb.append("fact ").append(e.fact()).append(" does not satisfy the condition");
    }
    return sb.toString();
  }

  private static String factName(Class<?> type) {
    Class<?> outer = type.getEnclosingClass();
    return outer == null
        ? type.getSimpleName()
        : outer.getSimpleName() + "." + type.getSimpleName();
  }

  @Override
  public String toString() {
    return resource
        + (kind.isEmpty() ? "" : " [" + kind + "]")
        + (messageFragment.isEmpty() ? "" : " \"" + messageFragment + "\"")
        + (factType == null
            ? ""
            : " " + factName(factType) + (condition == null ? "" : " (with a condition)"));
  }
}
