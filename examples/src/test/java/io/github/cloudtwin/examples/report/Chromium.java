package io.github.cloudtwin.examples.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, driven headless from the command line ({@code --dump-dom}, {@code
 * --screenshot}): no WebDriver, no extra Java dependency. Without a browser the tests using it skip
 * and say why; with {@code CLOUDTWIN_REQUIRE_BROWSER=true} (set by {@code .ci/run} once it has
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
  private static final long TIMEOUT_SECONDS = 90;

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

  /** The DOM of {@code page} after its load event, as chromium serializes it. */
  String dumpDom(Path page) {
    return run(List.of("--dump-dom", page.toUri().toString()), page.getParent());
  }

  /** A screenshot of the top {@code width} x {@code height} pixels of {@code page}. */
  Path screenshot(Path page, Path png, int width, int height) {
    run(
        List.of(
            "--window-size=" + width + "," + height,
            "--screenshot=" + png.toAbsolutePath(),
            page.toUri().toString()),
        page.getParent());
    if (!Files.isRegularFile(png)) fail("chromium wrote no screenshot to " + png);
    return png;
  }

  private String run(List<String> args, Path workDir) {
    Path profile = null;
    try {
      profile = Files.createTempDirectory("cloudtwin-chromium");
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  binary.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--hide-scrollbars",
                  "--no-first-run",
                  "--disable-extensions",
                  "--disable-background-networking",
                  "--user-data-dir=" + profile));
      cmd.addAll(args);
      Path out = Files.createTempFile(profile, "out", ".html");
      Path err = Files.createTempFile(profile, "err", ".txt");
      Process p =
          new ProcessBuilder(cmd)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0)
        fail(
            "chromium exited with "
                + p.exitValue()
                + ": "
                + Files.readString(err, StandardCharsets.UTF_8));
      return stdout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (profile != null) deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary profile left behind is harmless
    }
  }
}
