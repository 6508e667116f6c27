package io.github.cloudtwin.testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method only when a Docker engine answers; otherwise JUnit
 * reports it as skipped, with the reason (what was tried and how to fix it). The same idea as
 * Testcontainers' {@code @Testcontainers(disabledWithoutDocker = true)}.
 *
 * <p>With the system property {@value DockerAvailability#REQUIRE_DOCKER_PROPERTY}{@code =true} (or
 * the environment variable {@code CLOUDTWIN_REQUIRE_DOCKER=true}) a missing engine fails the tests
 * instead: for CI that has set up Docker and must not pass by skipping.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EnabledIfDockerCondition.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface EnabledIfDocker {}
