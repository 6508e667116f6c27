package io.github.cloudtwin;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Creates a twin's services. Their constructors take the kernel and the twin's wiring, which are
 * not for users, so they are package-private: Java has no access level between "package" and
 * "everyone", and this class, in the same module, is the one caller that reaches them (deep
 * reflection within one's own module needs no {@code opens}). Each service declares exactly one
 * constructor, and none of them is public; {@code ServiceAssemblyTest} keeps it so.
 */
final class ServiceAssembly {

  private ServiceAssembly() {}

  /**
   * {@return a new {@code type}, from its one constructor called with {@code args}}
   *
   * @param type the service's class
   * @param args the constructor's arguments, in order
   * @param <T> the service
   */
  static <T> T create(Class<T> type, Object... args) {
    Constructor<?> c = constructor(type);
    try {
      c.setAccessible(true);
      return type.cast(c.newInstance(args));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException("creating " + type.getSimpleName() + " failed", cause);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot create " + type.getSimpleName() + " with " + args.length + " arguments", e);
    }
  }

  /** {@return the service's one constructor; throws if it has several or a public one} */
  static Constructor<?> constructor(Class<?> type) {
    Constructor<?>[] all = type.getDeclaredConstructors();
    if (all.length != 1)
      throw new IllegalStateException(
          type.getName() + " must declare exactly one constructor, has " + all.length);
    if (Modifier.isPublic(all[0].getModifiers())) {
      throw new IllegalStateException(
          type.getName()
              + "'s constructor must not be public: users get the service from the twin");
    }
    return all[0];
  }
}
