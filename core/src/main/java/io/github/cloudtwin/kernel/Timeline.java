package io.github.cloudtwin.kernel;

import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.facts.Note;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.kernel.VirtualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Every state change of one twin, in the order it happened, with causes.
 *
 * <p>Reads return immutable snapshots and are safe from any thread. Events are appended by the
 * simulation only. Text is formatted only when someone reads it.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Timeline {

  private final VirtualClock clock;
  private final Kernel kernel;
  private final List<TimelineEvent> events = new ArrayList<>();
  private final List<Consumer<TimelineEvent>> listeners = new CopyOnWriteArrayList<>();

  Timeline(VirtualClock clock, Kernel kernel) {
    this.clock = clock;
    this.kernel = kernel;
  }

  /**
   * Records a fact at the current virtual time, caused by the kernel's current cause (the event
   * whose consequences are being simulated), and returns the event's id.
   *
   * @param fact what happened
   * @return the event's id
   */
  public long record(Fact fact) {
    return record(fact, kernel.currentCause());
  }

  /**
   * Records a fact with an explicit cause (0 for none).
   *
   * @param fact what happened
   * @param causeId the cause id
   * @return the event's id
   */
  public long record(Fact fact, long causeId) {
    Require.notNull("fact", fact);
    TimelineEvent event;
    synchronized (events) {
      long id = events.size() + 1L;
      if (causeId < 0 || causeId >= id) {
        throw new IllegalArgumentException(
            "causeId " + causeId + " does not name an earlier event (next id is " + id + ")");
      }
      event = new TimelineEvent(id, clock.now(), fact, causeId);
      events.add(event);
    }
    for (Consumer<TimelineEvent> listener : listeners) {
      listener.accept(event);
    }
    return event.id();
  }

  /**
   * Records a free-text change (a {@link Note}) at the current virtual time, caused by the kernel's
   * current cause: for events the twin has no typed fact for, such as a test's own markers.
   *
   * @param resource the resource
   * @param kind the kind
   * @param message the message
   * @return its id
   */
  public long record(String resource, String kind, String message) {
    return record(new Note(resource, kind, message, Map.of()), kernel.currentCause());
  }

  /**
   * Records a free-text change (a {@link Note}) with details, caused by the kernel's current cause.
   *
   * @param resource the resource
   * @param kind the kind
   * @param message the message
   * @param details the details
   * @return the event's id
   */
  public long record(String resource, String kind, String message, Map<String, String> details) {
    return record(new Note(resource, kind, message, details), kernel.currentCause());
  }

  /**
   * Records a free-text change (a {@link Note}) with details and an explicit cause (0 for none).
   *
   * @param resource the resource
   * @param kind the kind
   * @param message the message
   * @param details the details
   * @param causeId the cause id
   * @return the event's id
   */
  public long record(
      String resource, String kind, String message, Map<String, String> details, long causeId) {
    return record(new Note(resource, kind, message, details), causeId);
  }

  /**
   * The events whose fact is of {@code type}, with the fact, oldest first.
   *
   * @param <T> the fact type
   * @param type the fact type, for instance {@code AlarmStateChanged.class}
   * @return an immutable snapshot of the matching events
   */
  public <T extends Fact> List<TimelineEvent> events(Class<T> type) {
    Require.notNull("type", type);
    return events(e -> type.isInstance(e.fact()));
  }

  /** {@return an immutable snapshot of every event so far} */
  public List<TimelineEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /**
   * An immutable snapshot of the events that match.
   *
   * @param filter the filter
   * @return an immutable snapshot of the events that match
   */
  public List<TimelineEvent> events(Predicate<TimelineEvent> filter) {
    List<TimelineEvent> out = new ArrayList<>();
    synchronized (events) {
      for (TimelineEvent e : events) {
        if (filter.test(e)) out.add(e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The events of one resource (for instance {@code alarm/cpu-high}).
   *
   * @param resource the resource
   * @return the events of one resource (for instance {@code alarm/cpu-high})
   */
  public List<TimelineEvent> eventsOf(String resource) {
    return events(e -> e.resource().equals(resource));
  }

  /** {@return the number of events recorded} */
  public int size() {
    synchronized (events) {
      return events.size();
    }
  }

  /**
   * The event with that id.
   *
   * @param id the event's id
   * @return the event with that id
   */
  public TimelineEvent event(long id) {
    synchronized (events) {
      if (id < 1 || id > events.size()) {
        throw new ValidationException("eventId", id, "must be between 1 and " + events.size());
      }
      return events.get((int) (id - 1));
    }
  }

  /**
   * The chain of causes that led to the event, oldest first, ending with the event itself.
   *
   * @param id the event's id
   * @return the chain of causes that led to the event, oldest first, ending with the event itself
   */
  public List<TimelineEvent> causeChain(long id) {
    List<TimelineEvent> chain = new ArrayList<>();
    TimelineEvent e = event(id);
    chain.add(e);
    while (e.causeId() != 0) {
      e = event(e.causeId());
      chain.add(e);
    }
    Collections.reverse(chain);
    return Collections.unmodifiableList(chain);
  }

  /**
   * Calls {@code listener} with each event as it is recorded, on the simulation thread.
   *
   * @param listener the listener
   */
  public void addListener(Consumer<TimelineEvent> listener) {
    listeners.add(Require.notNull("listener", listener));
  }

  /**
   * Stops calling {@code listener}.
   *
   * @param listener the listener
   */
  public void removeListener(Consumer<TimelineEvent> listener) {
    listeners.remove(listener);
  }

  /** {@return the twin's current virtual time (how far the timeline can tell)} */
  public Instant now() {
    return clock.now();
  }

  /** {@return the instant offsets are measured from: the twin's start} */
  public Instant t0() {
    return clock.start();
  }

  /** {@return every event as text, with virtual offsets from the twin's start} */
  public String text() {
    List<TimelineEvent> all = events();
    return TimelineFormat.format(
        "Timeline (" + events(all.size()) + ", t0 = " + clock.start() + "):", all, clock.start());
  }

  /**
   * The newest {@code n} events as text, in the shape assertion failures use.
   *
   * @param n how many events
   * @return the newest {@code n} events as text, in the shape assertion failures use
   */
  public String lastText(int n) {
    List<TimelineEvent> all = events();
    List<TimelineEvent> last = all.subList(Math.max(0, all.size() - n), all.size());
    String count =
        last.size() == all.size()
            ? events(all.size())
            : "last " + last.size() + " of " + events(all.size());
    return TimelineFormat.format(
        "Timeline (" + count + ", t0 = " + clock.start() + "):", last, clock.start());
  }

  private static String events(int n) {
    return n == 1 ? "1 event" : n + " events";
  }

  @Override
  public String toString() {
    return text();
  }
}
