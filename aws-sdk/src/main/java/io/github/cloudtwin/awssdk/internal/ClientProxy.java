package io.github.cloudtwin.awssdk.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Builds SDK client interfaces over handler objects (one per operation family). Each operation
 * method of the interface ({@code FooResponse foo(FooRequest)}) goes to the handlers' public method
 * of the same name and parameter type; an operation no handler has throws {@link
 * UnsupportedOperationException} naming it. The interface's other default methods (the {@code
 * Consumer<Builder>} overloads, the no-argument forms, the {@code *Paginator} methods) run as the
 * SDK wrote them, so they call back into the operations: this is how they work on every SDK
 * version.
 *
 * <p>The async variant answers with completed futures (failed with the same exception the sync
 * client throws).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ClientProxy implements InvocationHandler {

  private final Class<?> clientInterface;
  private final String serviceName;
  private final List<?> handlers;
  private final boolean async;
  private final Function<RuntimeException, RuntimeException> errors;

  /** The handler method each interface method goes to (empty: none), resolved on first call. */
  private final Map<Method, java.util.Optional<Target>> targets =
      new java.util.concurrent.ConcurrentHashMap<>();

  private volatile @Nullable Map<String, Target> handlerMethods;

  /** A handler's method and the handler it is called on. */
  private record Target(Object handler, Method method) {}

  private ClientProxy(
      Class<?> clientInterface,
      String serviceName,
      List<?> handlers,
      boolean async,
      Function<RuntimeException, RuntimeException> errors) {
    this.clientInterface = clientInterface;
    this.serviceName = serviceName;
    this.handlers = List.copyOf(handlers);
    this.async = async;
    this.errors = errors;
  }

  /**
   * The handlers' public methods by name and parameter types, built on the first call: a client
   * interface declares hundreds of operations (EC2's over 700), so nothing is resolved up front and
   * a client costs next to nothing to create. A handler may be a package-private class of its
   * family's package (same module), so its methods are made accessible.
   */
  private Map<String, Target> handlerMethods() {
    Map<String, Target> m = handlerMethods;
    if (m == null) {
      m = new HashMap<>();
      for (Object handler : handlers) {
        for (Method h : handler.getClass().getMethods()) {
          if (h.getDeclaringClass() == Object.class) continue;
          h.setAccessible(true);
          Target previous = m.put(key(h.getName(), h.getParameterTypes()), new Target(handler, h));
          if (previous != null) {
            throw new IllegalStateException(
                "two handlers of " + serviceName + " serve " + h.getName());
          }
        }
      }
      handlerMethods = m;
    }
    return m;
  }

  private static String key(String name, Class<?>[] params) {
    StringBuilder b = new StringBuilder(name).append('(');
    for (Class<?> p : params) b.append(p.getName()).append(',');
    return b.append(')').toString();
  }

  /**
   * A client implementing {@code clientInterface} over {@code handlers}.
   *
   * @param serviceName the service's name in messages, such as {@code AutoScaling}
   * @param async whether operations answer with futures
   * @param errors turns the twin's exceptions into the SDK's
   * @param <T> the client interface
   * @param clientInterface the client interface
   * @param handlers the handlers, one per operation family; no two serve one operation
   * @return a client implementing {@code clientInterface} over {@code handlers}
   */
  public static <T> T create(
      Class<T> clientInterface,
      String serviceName,
      List<?> handlers,
      boolean async,
      Function<RuntimeException, RuntimeException> errors) {
    ClientProxy p = new ClientProxy(clientInterface, serviceName, handlers, async, errors);
    return clientInterface.cast(
        Proxy.newProxyInstance(
            clientInterface.getClassLoader(), new Class<?>[] {clientInterface}, p));
  }

  private static @Nullable Target find(
      Map<String, Target> handlerMethods, Method m, boolean async) {
    String name = m.getName();
    boolean future = CompletableFuture.class.isAssignableFrom(m.getReturnType());
    if (async && !future) {
      name = "async" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
    Target t = handlerMethods.get(key(name, m.getParameterTypes()));
    if (t == null) return null;
    if (async && future) return t;
    return m.getReturnType().isAssignableFrom(t.method().getReturnType()) ? t : null;
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
      throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "CloudTwin " + clientInterface.getSimpleName();
      };
    }
    Target target =
        targets
            .computeIfAbsent(
                method, m -> java.util.Optional.ofNullable(find(handlerMethods(), m, async)))
            .orElse(null);
    if (target != null) {
      boolean futureOperation =
          async && CompletableFuture.class.isAssignableFrom(method.getReturnType());
      try {
        Object result = target.method().invoke(target.handler(), args);
        return futureOperation ? CompletableFuture.completedFuture(result) : result;
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        RuntimeException mapped = cause instanceof RuntimeException r ? errors.apply(r) : null;
        if (futureOperation) {
          return CompletableFuture.failedFuture(mapped != null ? mapped : cause);
        }
        throw mapped != null ? mapped : cause;
      }
    }
    switch (method.getName()) {
      case "serviceName":
        return serviceName.toLowerCase(java.util.Locale.ROOT);
      case "close":
        return null;
      default:
        break;
    }
    if (isOperation(method)) {
      UnsupportedOperationException e =
          new UnsupportedOperationException(
              serviceName
                  + " operation "
                  + operationName(method)
                  + " is not simulated by CloudTwin (see docs/aws-sdk.md for the operations served)");
      if (async && CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
        return CompletableFuture.failedFuture(e);
      }
      throw e;
    }
    if (method.isDefault()) {
      try {
        return InvocationHandler.invokeDefault(proxy, method, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
    throw new UnsupportedOperationException(
        clientInterface.getSimpleName()
            + "."
            + method.getName()
            + " is not simulated by CloudTwin");
  }

  private static boolean isOperation(Method m) {
    Class<?>[] p = m.getParameterTypes();
    return p.length == 1
        && SdkRequest.class.isAssignableFrom(p[0])
        && !m.getName().endsWith("Paginator");
  }

  /** {@code describeWarmPool} as AWS names it: {@code DescribeWarmPool}. */
  static String operationName(Method m) {
    String n = m.getName();
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
