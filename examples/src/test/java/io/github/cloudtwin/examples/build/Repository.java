package io.github.cloudtwin.examples.build;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are, seen from a test of the examples module. */
public final class Repository {

  private Repository() {}

  /** The folder that holds mvnw and docs/, found upwards from the working directory. */
  public static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null
        && !(Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("docs")))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "no repository root (mvnw and docs/) above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
