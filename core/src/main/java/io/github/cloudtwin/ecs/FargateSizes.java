package io.github.cloudtwin.ecs;

/** The valid Fargate task sizes (aws-behaviour.md 5.10). Stateless. */
final class FargateSizes {

  private FargateSizes() {}

  /** Whether Fargate accepts task cpu {@code cpu} with memory {@code memory} MiB. */
  static boolean valid(int cpu, int memory) {
    switch (cpu) {
      case 256:
        return memory == 512 || memory == 1024 || memory == 2048;
      case 512:
        return steps(memory, 1024, 4096, 1024);
      case 1024:
        return steps(memory, 2048, 8192, 1024);
      case 2048:
        return steps(memory, 4096, 16384, 1024);
      case 4096:
        return steps(memory, 8192, 30720, 1024);
      case 8192:
        return steps(memory, 16384, 61440, 4096);
      case 16384:
        return steps(memory, 32768, 122880, 8192);
      default:
        return false;
    }
  }

  private static boolean steps(int memory, int min, int max, int step) {
    return memory >= min && memory <= max && (memory - min) % step == 0;
  }

  /** What Fargate accepts, for messages. */
  static String table() {
    return "cpu 256 with memory 512, 1024 or 2048; 512 with 1024-4096 (1024 steps); 1024 with 2048-8192;"
        + " 2048 with 4096-16384; 4096 with 8192-30720 (1024 steps); 8192 with 16384-61440 (4096 steps);"
        + " 16384 with 32768-122880 (8192 steps)";
  }
}
