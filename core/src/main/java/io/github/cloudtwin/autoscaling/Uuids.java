package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Hex;
import java.util.SplittableRandom;

/**
 * UUID-shaped identifiers from one seeded stream, in the order they are asked for: activity ids,
 * the ids in policy ARNs and the suffixes of target tracking alarm names share it.
 */
final class Uuids {

  private final SplittableRandom ids;

  Uuids(SplittableRandom ids) {
    this.ids = ids;
  }

  /** {@return the next id, formatted like a version-4 UUID} */
  String next() {
    long a = ids.nextLong();
    long b = ids.nextLong();
    // the characters of String.format("%08x-%04x-4%03x-%04x-%012x", a >>> 32, (a >>> 16) & 0xffff,
    // a & 0xfff, 0x8000 | ((b >>> 48) & 0x3fff), b & 0xffffffffffffL)
    StringBuilder sb = new StringBuilder(36);
    Hex.append(sb, a >>> 32, 8).append('-');
    Hex.append(sb, a >>> 16, 4).append("-4");
    Hex.append(sb, a, 3).append('-');
    Hex.append(sb, 0x8000 | ((b >>> 48) & 0x3fff), 4).append('-');
    return Hex.append(sb, b, 12).toString();
  }
}
