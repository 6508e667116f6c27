package io.github.cloudtwin.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.cloudformation.Template;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's template is what it says, and one operation reaches the steady state it claims.
 */
class StackImportBenchmarkTest {

  @Test
  void theTemplateHasFiftyResourcesAndOneOperationBringsEightInstancesIntoService() {
    StackImportBenchmark b = new StackImportBenchmark();
    b.setUp();
    assertThat(Template.parse(StackImportBenchmark.template()).logicalIds()).hasSize(50);
    assertThat(b.importAndReachSteadyState()).isEqualTo(8);
    assertThat(b.parseImportAndReachSteadyState()).isEqualTo(8);
  }
}
