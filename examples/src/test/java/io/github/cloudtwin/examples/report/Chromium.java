package io.github.cloudtwin.examples.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Debian's chromium, found on the PATH and driven headless over the DevTools protocol ({@link
 * DevTools}): no WebDriver, no extra Java dependency. Without a browser the tests using it skip and
 * say why; with {@code CLOUDTWIN_REQUIRE_BROWSER=true} (set by {@code .ci/run} once it has
 * installed chromium) or {@code -Dcloudtwin.browser.required=true} they fail instead, so CI cannot
 * pass them as skipped.
 */
final class Chromium {

  /**
   * Environment variable naming the browser binary, when it is not {@code chromium} on the PATH.
   */
  static final String BINARY_ENV = "CLOUDTWIN_CHROMIUM";

  private static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  static boolean required() {
    String p = System.getProperty("cloudtwin.browser.required");
    if (p == null) p = System.getenv("CLOUDTWIN_REQUIRE_BROWSER");
    return p != null && p.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /** The browser, or a skipped test (a failed one when the browser is required). */
  static Chromium orSkip() {
    Optional<Path> found = locate();
    if (found.isEmpty()) {
      String why =
          "no headless browser: none of "
              + NAMES
              + " is on the PATH and "
              + BINARY_ENV
              + " is not set (install Debian's chromium: apt-get install chromium; .ci/run does)";
      if (required()) fail(why + ", but CLOUDTWIN_REQUIRE_BROWSER=true asks for one");
      assumeTrue(false, why);
    }
    return new Chromium(found.get());
  }

  static Optional<Path> locate() {
    String env = System.getenv(BINARY_ENV);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) return Optional.empty();
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Starts this browser headless, driven over the DevTools protocol. */
  DevTools launch() {
    return DevTools.launch(binary);
  }
}
