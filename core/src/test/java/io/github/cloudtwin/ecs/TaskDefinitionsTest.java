package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The task definition registry alone: revisions, references and deregistration. */
class TaskDefinitionsTest {

  private final Kernel kernel = new Kernel(Instant.parse("2026-01-01T00:00:00Z"), 7);
  private final TaskDefinitions registry = new TaskDefinitions(kernel);

  private TaskDefinition register(String family) {
    return registry.register(
        TaskDefinitionSpec.builder(family)
            .container(
                ContainerDefinition.builder("app", "nginx:1.27").cpu(256).memory(512).build())
            .build());
  }

  @Test
  void eachRegistrationOfAFamilyIsItsNextRevision() {
    TaskDefinition first = register("web");
    TaskDefinition second = register("web");
    TaskDefinition other = register("worker");

    assertThat(first.familyRevision()).isEqualTo("web:1");
    assertThat(second.familyRevision()).isEqualTo("web:2");
    assertThat(other.familyRevision()).isEqualTo("worker:1");
    assertThat(kernel.timeline().events(EcsFact.TaskDefinitionRegistered.class)).hasSize(3);
  }

  @Test
  void aFamilyAloneMeansItsLatestActiveRevision() {
    TaskDefinition first = register("web");
    register("web");
    registry.deregister("web:2");

    assertThat(registry.resolve("web")).isSameAs(first);
    assertThat(registry.resolve("web:2").status()).isEqualTo("INACTIVE");
  }

  @Test
  void anArnResolvesLikeItsFamilyAndRevision() {
    register("web");
    TaskDefinition second = register("web");

    assertThat(registry.resolve(second.taskDefinitionArn())).isSameAs(second);
  }

  @Test
  void anUnknownRevisionIsRejectedInAwsWords() {
    register("web");

    for (String ref : new String[] {"web:3", "web:0", "web:x", "api"}) {
      assertThatThrownBy(() -> registry.resolve(ref))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Unable to describe task definition.")
          .extracting(e -> ((ValidationException) e).value())
          .isEqualTo(ref);
    }
  }

  @Test
  void deregisteringNeedsARevisionAndLeavesTheFamilyActiveWithoutOne() {
    TaskDefinition td = register("web");

    assertThatThrownBy(() -> registry.deregister("web"))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).allowed())
        .isEqualTo("family:revision");
    assertThat(td.status()).isEqualTo("ACTIVE");
    assertThat(kernel.timeline().events(EcsFact.TaskDefinitionDeregistered.class)).isEmpty();
  }
}
