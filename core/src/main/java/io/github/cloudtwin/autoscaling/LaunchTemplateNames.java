package io.github.cloudtwin.autoscaling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The launch template name a group gets when its spec names none: {@code lt-<group>} when that is a
 * legal launch template name, else {@code lt-} and the group name with every character a launch
 * template name may not hold replaced by {@code _}, cut to fit, and a stable hash of the whole
 * group name ({@code -} and 8 hex digits) so two groups never share a name by being cut or replaced
 * alike.
 *
 * <p>AWS's limits: a group name is 1 to 255 characters of any text (CreateAutoScalingGroup,
 * AutoScalingGroupName); a launch template name is 3 to 128 characters of {@code
 * [a-zA-Z0-9().\-/_]} (CreateLaunchTemplate, LaunchTemplateName, "Length Constraints: Minimum
 * length of 3. Maximum length of 128").
 */
final class LaunchTemplateNames {

  /** The longest launch template name AWS accepts. */
  static final int MAX_LENGTH = 128;

  private static final String PREFIX = "lt-";
  private static final int HASH_HEX_DIGITS = 8;

  private LaunchTemplateNames() {}

  /** {@return the implicit launch template name of the group {@code groupName}} */
  static String implicit(String groupName) {
    String plain = PREFIX + groupName;
    if (plain.length() <= MAX_LENGTH && isLegal(plain)) return plain;
    StringBuilder sanitized = new StringBuilder(PREFIX);
    groupName.codePoints().forEach(c -> sanitized.append(isLegal(c) ? (char) c : '_'));
    int room = MAX_LENGTH - 1 - HASH_HEX_DIGITS;
    String head = sanitized.length() > room ? sanitized.substring(0, room) : sanitized.toString();
    return head + "-" + hash(groupName);
  }

  /** Whether {@code name} holds only the characters of a launch template name. */
  static boolean isLegal(String name) {
    return name.codePoints().allMatch(LaunchTemplateNames::isLegal);
  }

  private static boolean isLegal(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '('
        || c == ')'
        || c == '.'
        || c == '-'
        || c == '/'
        || c == '_';
  }

  private static String hash(String groupName) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(groupName.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, HASH_HEX_DIGITS / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
