/**
 * CloudTwin for JUnit Jupiter: {@code @CloudTwinTest}, field and parameter injection, AssertJ
 * assertions over the twin, waiting on virtual time, and the per-test report.
 */
module io.github.cloudtwin.junit {
  requires transitive io.github.cloudtwin.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires org.junit.platform.commons;

  exports io.github.cloudtwin.assertj;
  exports io.github.cloudtwin.assertj.error;
  exports io.github.cloudtwin.await;
  exports io.github.cloudtwin.junit;
  exports io.github.cloudtwin.junit.spi;

  uses io.github.cloudtwin.junit.spi.InjectableProvider;
}
