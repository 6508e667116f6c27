package io.github.cloudtwin.benchmarks.compare;

import io.github.cloudtwin.CloudTwin;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two CloudTwin rounds of the comparison page ({@code docs/comparison.md}), exactly as {@link
 * Compare} times them: {@code estate} builds a twin, creates the typical estate, advances one
 * virtual minute, reads everything back and closes the twin ({@link TwinSide#createAndReadBack});
 * {@code verdict} runs the seed's scenario to its verdict, building the twin included ({@link
 * TwinSide#breach}). Each operation uses the next seed, as the comparison's rounds do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EstateRoundsBenchmark {

  private long seed;

  /** One estate round; returns the twin's virtual seconds so the work cannot be dropped. */
  @Benchmark
  public long estate() {
    try (CloudTwin twin = TwinSide.createAndReadBack(seed++)) {
      return twin.elapsed().getSeconds();
    }
  }

  /** One round of the seed's scenario to its verdict; returns the group's desired capacity. */
  @Benchmark
  public int verdict() {
    TwinSide.Verdict v = TwinSide.breach(seed++);
    if (v.inServiceAt() == null) throw new IllegalStateException("no verdict: " + v);
    return v.desiredAfter();
  }
}
