package io.github.cloudtwin.cloudformation;

import java.util.SplittableRandom;

/**
 * Physical names CloudFormation generates when a template gives none: {@code
 * <stack>-<LogicalId>-<SUFFIX>}, truncated to the service's limit. The suffix derives from the
 * stack name and logical id, so one template under one stack name always gets the same names.
 */
final class Names {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private Names() {}

  static String generate(String stackName, String logicalId, int maxLength) {
    int suffixLength = maxLength <= 32 ? 12 : 13;
    String suffix = suffix(stackName + "/" + logicalId, suffixLength, ALPHABET);
    int room = maxLength - suffixLength - 2;
    String stack = stackName;
    String id = logicalId;
    if (stack.length() + id.length() > room) {
      int half = room / 2;
      if (stack.length() <= half) {
        id = id.substring(0, Math.min(id.length(), room - stack.length()));
      } else if (id.length() <= room - half) {
        stack = stack.substring(0, room - id.length());
      } else {
        stack = stack.substring(0, half);
        id = id.substring(0, room - half);
      }
    }
    String name = stack + "-" + id + "-" + suffix;
    return name.replace("--", "-");
  }

  /** A deterministic random string of {@code length} characters of {@code alphabet}. */
  static String suffix(String key, int length, String alphabet) {
    SplittableRandom r = new SplittableRandom(fnv(key));
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return sb.toString();
  }

  /** A hex id such as EC2 gives (vpc-0a1b...), deterministic in {@code key}. */
  static String hexId(String prefix, String key, int digits) {
    return prefix + suffix(key, digits, "0123456789abcdef");
  }

  static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** A UUID-shaped id derived from {@code key} (a stack id's last part). */
  static String uuid(String key) {
    String h = Names.suffix(key, 32, "0123456789abcdef");
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-"
        + h.substring(12, 16)
        + "-"
        + h.substring(16, 20)
        + "-"
        + h.substring(20);
  }
}
