package io.github.cloudtwin.experiments;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Which of a target's resources an action takes, as FIS's {@code selectionMode}: {@code ALL},
 * {@code COUNT(n)} or {@code PERCENT(n)}. The twin picks them from the experiment's seeded random
 * stream, so a seed picks the same ones every run.
 *
 * @param mode ALL, COUNT or PERCENT
 * @param value the count (1 or more) or the percentage (1 to 100); 100 for ALL
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Selection(String mode, int value) {

  /**
   * Validates.
   *
   * @param mode ALL, COUNT or PERCENT
   * @param value the count or the percentage
   */
  public Selection {
    Require.oneOf("selectionMode", mode, List.of("ALL", "COUNT", "PERCENT"));
    if (mode.equals("COUNT") && value < 1)
      throw new ValidationException(
          "selectionMode", "COUNT(" + value + ")", "COUNT(n) with n of at least 1");
    if (mode.equals("PERCENT") && (value < 1 || value > 100)) {
      throw new ValidationException(
          "selectionMode", "PERCENT(" + value + ")", "PERCENT(n) with n from 1 to 100");
    }
    if (mode.equals("ALL") && value != 100)
      throw new ValidationException("selectionMode", "ALL(" + value + ")", "ALL");
  }

  /** {@return every resource of the target} */
  public static Selection all() {
    return new Selection("ALL", 100);
  }

  /**
   * {@code n} of the target's resources (all of them when it has fewer).
   *
   * @param n at least 1
   * @return the selection
   */
  public static Selection count(int n) {
    return new Selection("COUNT", n);
  }

  /**
   * {@code percent} of the target's resources, rounded down, at least one when it has any.
   *
   * @param percent 1 to 100
   * @return the selection
   */
  public static Selection percent(int percent) {
    return new Selection("PERCENT", percent);
  }

  /** {@return how many of {@code available} resources this selects} */
  int of(int available) {
    if (available == 0) return 0;
    return switch (mode) {
      case "ALL" -> available;
      case "COUNT" -> Math.min(value, available);
      default -> Math.max(1, available * value / 100);
    };
  }

  /**
   * Picks the selected ones of {@code ids} (sorted first, so the pick depends on the seed only).
   */
  List<String> pick(List<String> ids, SplittableRandom random) {
    List<String> pool = new ArrayList<>(ids);
    pool.sort(null);
    int n = of(pool.size());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(pool.remove(random.nextInt(pool.size())));
    out.sort(null);
    return out;
  }

  @Override
  public String toString() {
    return mode.equals("ALL") ? "ALL" : mode + "(" + value + ")";
  }
}
