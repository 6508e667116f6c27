package io.github.cloudtwin.testcontainers;

import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;

/** The locally built test image (testcontainers/src/test/docker/busybox-httpd). */
final class TestImage {

  /** Built by .ci/run, or by hand with the command in {@link #requirePresent()}'s message. */
  static final String NAME = "cloudtwin/busybox-httpd:test";

  private TestImage() {}

  /**
   * Fails the test (not skips: Docker is there) with the build command when the image is missing.
   */
  static void requirePresent() {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(NAME).exec();
    } catch (NotFoundException e) {
      fail(
          "The test image "
              + NAME
              + " is not built on this Docker engine. Build it with:\n"
              + "  ctx=$(mktemp -d) && cp -r testcontainers/src/test/docker/busybox-httpd/. $ctx && cp /bin/busybox $ctx/ && "
              + "DOCKER_BUILDKIT=0 docker build -t "
              + NAME
              + " $ctx\n"
              + "(/bin/busybox must be statically linked: Debian's busybox-static). .ci/run does this.");
    }
  }

  /** A fresh session id for one test. */
  static String sessionId() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
