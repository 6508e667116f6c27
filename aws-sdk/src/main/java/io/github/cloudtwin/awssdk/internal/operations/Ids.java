package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.kernel.Arns;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Deterministic ids and ARNs for resources the twin names but does not number (Auto Scaling groups,
 * load balancers, target groups, subnets): derived from the name, so the same estate always answers
 * with the same ARNs.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Ids {

  private Ids() {}

  /** 64-bit FNV-1a of {@code text}. */
  public static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** {@code n} lower-case hex digits derived from {@code text}. */
  public static String hex(String text, int n) {
    char[] out = new char[32];
    hexDigits(out, 0, hash(text));
    hexDigits(out, 16, hash(text + "#"));
    return new String(out, 0, n);
  }

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  /**
   * The 16 hex digits of {@code v} (zero-padded) into {@code out} at {@code at}: no Formatter on
   * the hot path.
   */
  private static void hexDigits(char[] out, int at, long v) {
    for (int i = 15; i >= 0; i--) {
      out[at + i] = DIGITS[(int) (v & 0xf)];
      v >>>= 4;
    }
  }

  /** A name-based UUID (version 3) of {@code text}. */
  public static String uuid(String text) {
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The subnet id that stands for {@code zone} (the twin has one subnet per zone). */
  public static String subnetId(String zone) {
    return "subnet-" + hex("subnet/" + zone, 17);
  }

  /** The ARN of the Auto Scaling group {@code name}. */
  public static String autoScalingGroupArn(Arns arns, String name) {
    return arns.of(
        "autoscaling", "autoScalingGroup:" + uuid("asg/" + name) + ":autoScalingGroupName/" + name);
  }
}
