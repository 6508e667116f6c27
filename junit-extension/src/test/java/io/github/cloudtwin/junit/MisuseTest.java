package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Misplaced requests fail with a message that says what to do instead. */
class MisuseTest {

  @Test
  void constructorParameterWithPerMethodLifecycle() {
    EngineExecutionResults r = Kit.run(ConstructorParameter.class);
    Throwable t = Kit.onlyFailure(r.testEvents());
    assertThat(t).isInstanceOf(ParameterResolutionException.class);
    assertThat(t.getMessage())
        .isEqualTo(
            "CloudTwin cannot inject parameter 0 (CloudTwin) of the constructor of ConstructorParameter:"
                + " with TwinLifecycle.PER_METHOD a fresh twin is created for each test, after the test"
                + " instance is constructed. Take it as a parameter of the test or of a @BeforeEach"
                + " method, or declare a @FromTwin field; or use @CloudTwinTest(lifecycle ="
                + " TwinLifecycle.PER_CLASS) for one twin per class.");
  }

  @Test
  void beforeAllParameterWithPerMethodLifecycle() {
    EngineExecutionResults r = Kit.run(BeforeAllParameter.class);
    Throwable t = Kit.onlyFailure(r.containerEvents());
    assertThat(t.getMessage())
        .isEqualTo(
            "CloudTwin cannot inject parameter 0 (Clock) of BeforeAllParameter.start(..): with"
                + " TwinLifecycle.PER_METHOD there is no twin outside a test. Take it in a @BeforeEach"
                + " method instead of a @BeforeAll/@AfterAll method, or use @CloudTwinTest(lifecycle ="
                + " TwinLifecycle.PER_CLASS).");
  }

  @Test
  void staticField() {
    EngineExecutionResults r = Kit.run(StaticField.class);
    Throwable t = Kit.onlyFailure(r.testEvents());
    assertThat(t).isInstanceOf(ExtensionConfigurationException.class);
    assertThat(t.getMessage())
        .isEqualTo(
            "CloudTwin cannot inject static field StaticField.twin: a twin belongs to one test (or"
                + " class) and test classes may run in parallel. Make it an instance field.");
  }

  @Test
  void unknownTypeOnParameter() {
    EngineExecutionResults r = Kit.run(UnknownType.class);
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .isEqualTo(
            "CloudTwin cannot inject parameter 0 (String) of UnknownType.test(..): it has no"
                + " java.lang.String. @FromTwin parameters and fields can be of these types: "
                + Injectables.supportedTypes()
                + ".");
  }

  @Test
  void nameOnAnUnnamedType() {
    EngineExecutionResults r = Kit.run(NameOnUnnamedType.class);
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .isEqualTo(
            "CloudTwin cannot inject field NameOnUnnamedType.clock: @FromTwin(\"wall\") names a"
                + " resource, but there is one Clock per twin; write @FromTwin without a name.");
  }

  @Test
  void badSetupMethodSignature() {
    EngineExecutionResults r = Kit.run(BadSetup.class);
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .isEqualTo(
            "@CloudTwinSetup method BadSetup.setup(CloudTwin, Clock) must take exactly one parameter:"
                + " CloudTwin.Builder (to configure the twin before it is built) or CloudTwin (to create"
                + " resources once it is built).");
  }

  @Test
  void badStartInstant() {
    EngineExecutionResults r = Kit.run(BadStart.class);
    assertThat(Kit.onlyFailureMessage(r.containerEvents()))
        .isEqualTo(
            "@CloudTwinTest on io.github.cloudtwin.junit.MisuseTest$BadStart: start = \"yesterday\" is"
                + " not an ISO-8601 instant; write it like \"2026-01-01T00:00:00Z\".");
  }

  @Test
  void invalidAnnotationSettingNamesTheAnnotation() {
    EngineExecutionResults r = Kit.run(BadZones.class);
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .startsWith("@CloudTwinTest on io.github.cloudtwin.junit.MisuseTest$BadZones: ")
        .contains("availabilityZones");
  }

  @Test
  void annotationAndRegisteredFieldTogether() {
    EngineExecutionResults r = Kit.run(Twice.class);
    assertThat(Kit.onlyFailureMessage(r.containerEvents()))
        .isEqualTo(
            "io.github.cloudtwin.junit.MisuseTest$Twice registers CloudTwinExtension twice: with"
                + " @CloudTwinTest (or @ExtendWith(CloudTwinExtension.class)) and with a"
                + " @RegisterExtension field. Use one: the annotation for fixed settings, the field for"
                + " settings in code.");
  }

  // ------------------------------------------------------------------ fixtures

  @Fixture
  @CloudTwinTest
  static class ConstructorParameter {
    ConstructorParameter(CloudTwin twin) {}

    @Test
    void test() {}
  }

  @Fixture
  @CloudTwinTest
  static class BeforeAllParameter {
    @BeforeAll
    static void start(Clock clock) {}

    @Test
    void test() {}
  }

  @Fixture
  @CloudTwinTest
  static class StaticField {
    @FromTwin static CloudTwin twin;

    @Test
    void test() {}
  }

  @Fixture
  @CloudTwinTest
  static class UnknownType {
    @Test
    void test(@FromTwin String text) {}
  }

  @Fixture
  @CloudTwinTest
  static class NameOnUnnamedType {
    @FromTwin("wall")
    Clock clock;

    @Test
    void test() {}
  }

  @Fixture
  @CloudTwinTest
  static class BadSetup {
    @CloudTwinSetup
    void setup(CloudTwin twin, Clock clock) {}

    @Test
    void test() {}
  }

  @Fixture
  @CloudTwinTest(start = "yesterday")
  static class BadStart {
    @Test
    void test() {}
  }

  @Fixture
  @CloudTwinTest(availabilityZones = 12)
  static class BadZones {
    @Test
    void test() {}
  }

  @Fixture
  @CloudTwinTest
  static class Twice {
    @RegisterExtension static CloudTwinExtension twin = CloudTwinExtension.builder().build();

    @Test
    void test() {}
  }
}
