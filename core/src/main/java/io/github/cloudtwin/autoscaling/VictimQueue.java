package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.PurchaseOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The victims of one scale-in under built-in termination policies, from one scan of the members:
 * the same victims, in the same order and with the same seeded draws, as choosing each victim by a
 * scan of all members (zone balance, the purchase option over its share, the policies, lowest zone,
 * seeded random; see TerminationSelection). The policies become one key per candidate ({@link
 * BuiltInVictims#keys}: keeping a policy's preferred candidates is keeping those of the smallest
 * key, policy by policy, so a chain of policies keeps the smallest key tuple); each zone keeps its
 * candidates in a heap by key and member order, and the candidates of the zone's smallest key, its
 * tier, in member order with a Fenwick tree of the ones still there, so the j-th of them is found
 * in O(log n). A scale-in of k victims from n members costs O(n) to build, then O(log n) per member
 * taken from a heap and O(log n) per victim: O(n + k log n) while the ties are small, O(n log n) at
 * most. Built for one scale-in and thrown away; the members do not change while it is used.
 */
final class VictimQueue {

  private final Member[] members;
  private final int[] zoneOf;
  private final String[] zoneNames;
  private final long[] keys;
  private final int width;
  private final boolean[] taken;
  private final SplittableRandom random;
  private final PurchaseOptions purchaseOptions;
  private int onDemandUnits;
  private int spotUnits;
  private @Nullable Filtered all;
  private @Nullable Filtered onDemand;
  private @Nullable Filtered spot;

  private VictimQueue(
      Member[] members,
      int[] zoneOf,
      String[] zoneNames,
      long[] keys,
      int width,
      SplittableRandom random,
      PurchaseOptions purchaseOptions) {
    this.members = members;
    this.zoneOf = zoneOf;
    this.zoneNames = zoneNames;
    this.keys = keys;
    this.width = width;
    this.taken = new boolean[members.length];
    this.random = random;
    this.purchaseOptions = purchaseOptions;
    for (Member m : members) {
      if (m.purchaseOption == PurchaseOption.SPOT) spotUnits += m.weight;
      else onDemandUnits += m.weight;
    }
  }

  /**
   * The queue of {@code state}'s members that count and are not yet terminating, or null when the
   * policies' order cannot be a key (a launch template version that is not a number, compared with
   * others: the per-victim scan decides then).
   */
  static @Nullable VictimQueue of(
      GroupState state,
      List<TerminationPolicy> policies,
      Launch current,
      Instant now,
      SplittableRandom random,
      PurchaseOptions purchaseOptions) {
    List<Member> eligible = new ArrayList<>(state.members.size());
    for (Member m : state.members.values()) {
      if (m.counts() && !m.terminationStarted) eligible.add(m);
    }
    Member[] members = eligible.toArray(new Member[0]);
    int width = BuiltInVictims.width(policies);
    long[] keys = new long[members.length * width];
    for (int i = 0; i < members.length; i++) {
      if (!BuiltInVictims.keys(
          policies, members[i], current.name(), current.version(), now, keys, i * width))
        return null;
    }
    String[] zoneNames = new String[4];
    int zones = 0;
    int[] zoneOf = new int[members.length];
    for (int i = 0; i < members.length; i++) {
      String zone = members[i].zone;
      int z = 0;
      while (z < zones && !zoneNames[z].equals(zone)) z++;
      if (z == zones) {
        if (z == zoneNames.length) zoneNames = Arrays.copyOf(zoneNames, z * 2);
        zoneNames[zones++] = zone;
      }
      zoneOf[i] = z;
    }
    return new VictimQueue(
        members, zoneOf, Arrays.copyOf(zoneNames, zones), keys, width, random, purchaseOptions);
  }

  /**
   * The next victim among the candidates that count at most {@code maxUnits} (never more than at
   * the previous call), taken from the purchase option over its share first; null when none is
   * left. The victim is taken: later calls skip it.
   */
  @Nullable Member next(int maxUnits) {
    PurchaseOption shed = purchaseOptions.optionToShed(onDemandUnits, spotUnits);
    int v = filtered(shed).pick(maxUnits);
    if (v < 0 && shed != null) v = filtered(null).pick(maxUnits);
    if (v < 0) return null;
    taken[v] = true;
    Member m = members[v];
    if (m.purchaseOption == PurchaseOption.SPOT) spotUnits -= m.weight;
    else onDemandUnits -= m.weight;
    for (Filtered f : new Filtered[] {all, onDemand, spot}) {
      if (f != null && f.matches(m)) f.removed(v);
    }
    return m;
  }

  private Filtered filtered(@Nullable PurchaseOption only) {
    if (only == null) return all == null ? all = new Filtered(null) : all;
    if (only == PurchaseOption.SPOT) return spot == null ? spot = new Filtered(only) : spot;
    return onDemand == null ? onDemand = new Filtered(only) : onDemand;
  }

  /** Key order, then member order. */
  private boolean before(int a, int b) {
    int c = compareKeys(a, b);
    return c != 0 ? c < 0 : a < b;
  }

  private int compareKeys(int a, int b) {
    int ia = a * width;
    int ib = b * width;
    for (int c = 0; c < width; c++) {
      int d = Long.compare(keys[ia + c], keys[ib + c]);
      if (d != 0) return d;
    }
    return 0;
  }

  /** The zones' counts and candidates of the members of one purchase option (or of all). */
  private final class Filtered {

    private final @Nullable PurchaseOption only;
    private final int[] count;
    private final int[][] heap;
    private final int[] heapSize;
    private final int[][] tier;
    private final int[][] fenwick;
    private final boolean[][] tierAlive;
    private final int[] tierLeft;
    private final int[] tierMaxWeight;

    /** Each member's position in its zone's tier, or -1. */
    private final int[] inTier;

    Filtered(@Nullable PurchaseOption only) {
      this.only = only;
      int zones = zoneNames.length;
      count = new int[zones];
      heapSize = new int[zones];
      for (int i = 0; i < members.length; i++) {
        if (taken[i] || !matches(members[i])) continue;
        count[zoneOf[i]]++;
        if (!members[i].protectedFromScaleIn) heapSize[zoneOf[i]]++;
      }
      heap = new int[zones][];
      for (int z = 0; z < zones; z++) heap[z] = new int[heapSize[z]];
      int[] filled = new int[zones];
      for (int i = 0; i < members.length; i++) {
        if (taken[i] || !matches(members[i]) || members[i].protectedFromScaleIn) continue;
        heap[zoneOf[i]][filled[zoneOf[i]]++] = i;
      }
      for (int z = 0; z < zones; z++) {
        for (int p = heapSize[z] / 2 - 1; p >= 0; p--) siftDown(heap[z], heapSize[z], p);
      }
      tier = new int[zones][];
      fenwick = new int[zones][];
      tierAlive = new boolean[zones][];
      tierLeft = new int[zones];
      tierMaxWeight = new int[zones];
      inTier = new int[members.length];
      Arrays.fill(inTier, -1);
    }

    boolean matches(Member m) {
      return only == null || m.purchaseOption == only;
    }

    /** The index of the next victim weighing at most {@code maxUnits}, or -1. */
    int pick(int maxUnits) {
      int most = -1;
      for (int z = 0; z < count.length; z++) {
        if (hasCandidate(z, maxUnits)) most = Math.max(most, count[z]);
      }
      if (most < 0) return -1;
      int chosen = -1;
      for (int z = 0; z < count.length; z++) {
        if (count[z] != most || tierLeft[z] == 0) continue;
        if (chosen < 0) {
          chosen = z;
          continue;
        }
        int c = compareKeys(tier[z][0], tier[chosen][0]);
        if (c < 0 || (c == 0 && zoneNames[z].compareTo(zoneNames[chosen]) < 0)) chosen = z;
      }
      int left = tierLeft[chosen];
      int j = left == 1 ? 0 : random.nextInt(left);
      return tier[chosen][nth(fenwick[chosen], j)];
    }

    /** The member {@code v} was taken (by this filter or another that holds it). */
    void removed(int v) {
      int z = zoneOf[v];
      count[z]--;
      int p = inTier[v];
      if (p >= 0 && tierAlive[z][p]) drop(z, p);
    }

    private void drop(int z, int p) {
      tierAlive[z][p] = false;
      tierLeft[z]--;
      int[] f = fenwick[z];
      for (int i = p + 1; i < f.length; i += i & -i) f[i]--;
    }

    /**
     * Whether zone {@code z} has a candidate of at most {@code maxUnits}: its tier then holds the
     * candidates of its smallest key.
     */
    private boolean hasCandidate(int z, int maxUnits) {
      if (tierLeft[z] > 0 && tierMaxWeight[z] > maxUnits) {
        int max = 0;
        for (int p = 0; p < tier[z].length; p++) {
          if (!tierAlive[z][p]) continue;
          int w = members[tier[z][p]].weight;
          if (w > maxUnits) drop(z, p);
          else max = Math.max(max, w);
        }
        tierMaxWeight[z] = max;
      }
      while (tierLeft[z] == 0 && heapSize[z] > 0) nextTier(z, maxUnits);
      return tierLeft[z] > 0;
    }

    /**
     * Pops the candidates of the heap's smallest key (a weight above {@code maxUnits}: for good).
     */
    private void nextTier(int z, int maxUnits) {
      int[] h = heap[z];
      int first = pop(z);
      int[] t = new int[8];
      int n = 0;
      int max = 0;
      for (int i = first; ; i = pop(z)) {
        if (!taken[i] && members[i].weight <= maxUnits) {
          if (n == t.length) t = Arrays.copyOf(t, n * 2);
          inTier[i] = n;
          t[n++] = i;
          max = Math.max(max, members[i].weight);
        }
        if (heapSize[z] == 0 || compareKeys(h[0], first) != 0) break;
      }
      t = Arrays.copyOf(t, n);
      int[] f = new int[n + 1];
      for (int i = 1; i <= n; i++) {
        f[i]++;
        int parent = i + (i & -i);
        if (parent <= n) f[parent] += f[i];
      }
      boolean[] alive = new boolean[n];
      Arrays.fill(alive, true);
      tier[z] = t;
      fenwick[z] = f;
      tierAlive[z] = alive;
      tierLeft[z] = n;
      tierMaxWeight[z] = max;
    }

    private int pop(int z) {
      int[] h = heap[z];
      int top = h[0];
      int n = --heapSize[z];
      h[0] = h[n];
      siftDown(h, n, 0);
      return top;
    }

    private void siftDown(int[] h, int n, int p) {
      int x = h[p];
      while (true) {
        int c = 2 * p + 1;
        if (c >= n) break;
        if (c + 1 < n && before(h[c + 1], h[c])) c++;
        if (!before(h[c], x)) break;
        h[p] = h[c];
        p = c;
      }
      h[p] = x;
    }
  }

  /** The position of the {@code j}-th (from 0) member still in a tier. */
  private static int nth(int[] fenwick, int j) {
    int pos = 0;
    int rest = j + 1;
    int step = Integer.highestOneBit(Math.max(1, fenwick.length - 1));
    for (; step > 0; step >>= 1) {
      int next = pos + step;
      if (next < fenwick.length && fenwick[next] < rest) {
        pos = next;
        rest -= fenwick[next];
      }
    }
    return pos; // 1-based position pos + 1, so index pos
  }
}
