package io.github.cloudtwin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a method of the test class that takes part in creating each twin. It takes exactly one
 * parameter:
 *
 * <ul>
 *   <li>{@code CloudTwin.Builder}: called before the twin is built, to configure it (zones, seed,
 *       ...); settings made here win over the annotation's.
 *   <li>{@code CloudTwin}: called right after the twin is built, before any {@code @BeforeEach}
 *       method, to create resources (alarms, instances) every test starts with.
 * </ul>
 *
 * <p>Methods run outer class first, superclass first, builder methods before twin methods. With
 * {@link TwinLifecycle#PER_CLASS} the method must be static unless the class uses
 * {@code @TestInstance(PER_CLASS)}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface CloudTwinSetup {}
