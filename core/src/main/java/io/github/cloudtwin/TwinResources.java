package io.github.cloudtwin;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TwinClosedException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a twin closes when it closes (HTTP listeners, drivers, containers), newest first; on a
 * closed twin a resource is closed at once, so nothing the twin owns outlives it.
 */
final class TwinResources {

  private final Kernel kernel;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  TwinResources(Kernel kernel) {
    this.kernel = kernel;
  }

  /**
   * Closes {@code resource} when the twin closes; on a closed twin closes it now and throws {@link
   * TwinClosedException}.
   */
  void closeOnClose(AutoCloseable resource) {
    Require.notNull("resource", resource);
    try {
      kernel.run(
          () -> {
            synchronized (closeables) {
              closeables.add(resource);
            }
          });
    } catch (TwinClosedException e) {
      try {
        resource.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Closes the kernel and, as it closes, every resource, newest first; throws the first failure.
   */
  void close() {
    RuntimeException[] failure = new RuntimeException[1];
    kernel.close(
        () -> {
          List<AutoCloseable> toClose;
          synchronized (closeables) {
            toClose = new ArrayList<>(closeables);
            closeables.clear();
          }
          for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
              toClose.get(i).close();
            } catch (Exception e) {
              if (failure[0] == null)
                failure[0] = new IllegalStateException("Closing the twin failed", e);
              else failure[0].addSuppressed(e);
            }
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
  }
}
