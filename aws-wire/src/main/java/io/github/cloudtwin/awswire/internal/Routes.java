package io.github.cloudtwin.awswire.internal;

import io.github.cloudtwin.awswire.AwsWire;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Which twin answers a request that reached the SDK's default HTTP service: the binding of the
 * calling thread (innermost first), else the only binding open in the JVM; with none, or several
 * and none on this thread, the request fails naming the reason. Bindings are scoped (opened and
 * closed by their owner), so two twins in parallel test classes never answer each other's requests.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Routes {

  private static final ThreadLocal<Deque<Binding>> THREAD =
      ThreadLocal.withInitial(ArrayDeque::new);
  private static final Set<Binding> OPEN = ConcurrentHashMap.newKeySet();

  private Routes() {}

  /** One scoped binding of a wire to the thread that opened it. */
  public static final class Binding implements AutoCloseable {
    private final AwsWire wire;
    private final Thread thread;
    private volatile boolean open = true;

    private Binding(AwsWire wire) {
      this.wire = wire;
      this.thread = Thread.currentThread();
    }

    /** {@return the bound wire} */
    public AwsWire wire() {
      return wire;
    }

    /**
     * Ends the binding (idempotent); must be called on the thread that opened it to unbind that
     * thread.
     */
    @Override
    public void close() {
      if (!open) return;
      open = false;
      OPEN.remove(this);
      if (Thread.currentThread() == thread) THREAD.get().remove(this);
    }
  }

  /**
   * Binds a wire to the current thread and counts it as open in the JVM.
   *
   * @param wire the wire
   * @return the binding, to close
   */
  public static Binding bind(AwsWire wire) {
    Binding b = new Binding(wire);
    OPEN.add(b);
    THREAD.get().push(b);
    return b;
  }

  /**
   * The wire that answers a request on the current thread.
   *
   * @return the wire
   * @throws IllegalStateException when no twin, or several and none on this thread, are bound
   */
  public static AwsWire current() {
    Deque<Binding> mine = THREAD.get();
    while (!mine.isEmpty()) {
      Binding top = mine.peek();
      if (top.open) return top.wire;
      mine.pop();
    }
    @Nullable Binding only = null;
    int count = 0;
    for (Binding b : OPEN) {
      only = b;
      count++;
    }
    if (count == 1) return java.util.Objects.requireNonNull(only).wire;
    if (count == 0) {
      throw new IllegalStateException(
          "No CloudTwin answers AWS SDK requests right now: open one with "
              + "AwsWire.of(twin).bind() (try-with-resources) around the code that builds and uses its clients");
    }
    throw new IllegalStateException(
        count
            + " CloudTwin wires are bound on other threads and none on this one ("
            + Thread.currentThread().getName()
            + "): bind the twin on this thread, or give the client "
            + "AwsWire.httpClient() explicitly");
  }
}
