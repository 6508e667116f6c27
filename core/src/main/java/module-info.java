/**
 * CloudTwin's core: the deterministic twin of AWS's elasticity machinery on a virtual clock. No
 * dependency outside the JDK.
 *
 * <p>Every exported package is API. What is not exported is internal: the project's own modules may
 * use it (qualified exports), users must not.
 */
@SuppressWarnings("module") // the modules named in qualified exports are built after core
module io.github.cloudtwin.core {
  requires jdk.net;
  requires static transitive org.jspecify;
  requires static transitive org.apiguardian.api;

  exports io.github.cloudtwin;
  exports io.github.cloudtwin.advice;
  exports io.github.cloudtwin.appautoscaling;
  exports io.github.cloudtwin.autoscaling;
  exports io.github.cloudtwin.cloudwatch;
  exports io.github.cloudtwin.cost;
  exports io.github.cloudtwin.ec2;
  exports io.github.cloudtwin.ecs;
  exports io.github.cloudtwin.elb;
  exports io.github.cloudtwin.experiments;
  exports io.github.cloudtwin.facts;
  exports io.github.cloudtwin.faults;
  exports io.github.cloudtwin.http;
  exports io.github.cloudtwin.kernel;
  exports io.github.cloudtwin.spi;
  exports io.github.cloudtwin.realtime;
  exports io.github.cloudtwin.report;
  exports io.github.cloudtwin.traffic;
  exports io.github.cloudtwin.whatif;

  // the argument checks (Require) the JUnit and Testcontainers modules share with core's services
  exports io.github.cloudtwin.internal.kernel to
      io.github.cloudtwin.junit,
      io.github.cloudtwin.testcontainers;
}
