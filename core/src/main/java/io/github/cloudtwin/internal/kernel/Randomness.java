package io.github.cloudtwin.internal.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Seeded randomness: one seed per twin, and one independent stream per named component, so that
 * adding a random draw in one component never shifts another's.
 *
 * <p>Same seed and names give the same numbers on every run. Guarded by the kernel lock.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Randomness {

  private final long seed;
  private final Map<String, SplittableRandom> streams = new HashMap<>();

  Randomness(long seed) {
    this.seed = seed;
  }

  /** {@return the twin's seed} */
  public long seed() {
    return seed;
  }

  /**
   * The stream of the named component; the same name always returns the same stream. The name may
   * embed resource names of any length (a 255-character group name makes a longer stream name).
   *
   * @param name the name
   * @return the stream of the named component; the same name always returns the same stream
   */
  public SplittableRandom stream(String name) {
    Require.notBlank("stream", name);
    return streams.computeIfAbsent(name, n -> new SplittableRandom(mix(seed, n)));
  }

  private static long mix(long seed, String name) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }
}
