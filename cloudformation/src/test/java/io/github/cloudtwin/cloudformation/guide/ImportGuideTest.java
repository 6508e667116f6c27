package io.github.cloudtwin.cloudformation.guide;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudformation.ImportReport;
import io.github.cloudtwin.cloudformation.Stack;
import io.github.cloudtwin.cloudformation.StackImport;
import io.github.cloudtwin.cloudformation.Template;
import io.github.cloudtwin.cloudformation.TemplateResolver;
import io.github.cloudtwin.traffic.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code of docs/cloudformation.md: each tagged region is a snippet of that page. */
class ImportGuideTest {

  @Test
  void importAStackAndRunIt() {
    // tag::import[]
    try (CloudTwin twin = CloudTwin.builder().seed(7).build()) {
      Stack stack =
          StackImport.of(Template.classpath("templates/web-tier.yaml"))
              .stackName("web")
              .parameter("Env", "test")
              .ssmParameter(
                  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
                  "ami-0abcdef1234567890")
              .importInto(twin);

      AutoScalingGroup group = stack.autoScalingGroup("WebServerGroup");
      twin.traffic()
          .apply(
              stack.loadBalancer("WebLoadBalancer").name(),
              Workload.step(300).then(ofMinutes(10), 500).build());
      twin.advance(ofMinutes(30));

      assertThat(group.desiredCapacity()).isEqualTo(4);
      System.out.println(stack.report().text());
    }
    // end::import[]
  }

  @Test
  void readTheReport() {
    try (CloudTwin twin = CloudTwin.builder().build()) {
      Stack stack =
          StackImport.of(Template.classpath("templates/web-tier.yaml"))
              .stackName("web")
              .ssmParameter(
                  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
                  "ami-0abc")
              .importInto(twin);
      // tag::report[]
      ImportReport report = stack.report();
      assertThat(report.notSimulated()).contains("WebServerRole");
      assertThat(report.unmodelledProperties("WebLaunchTemplate"))
          .contains("Properties.LaunchTemplateData.ImageId");
      for (ImportReport.Entry e : report.entries(ImportReport.Kind.NOTE)) {
        System.out.println(e.logicalId() + ": " + e.reason());
      }
      // end::report[]
    }
  }

  @Test
  void nestedStacks() {
    try (CloudTwin twin = CloudTwin.builder().build()) {
      // tag::nested[]
      Stack stack =
          StackImport.of(Template.classpath("templates/nested-parent.yaml"))
              .templateResolver(
                  TemplateResolver.classpath(
                      "templates")) // TemplateURL's file name, in this folder
              .importInto(twin);
      Stack network = stack.nestedStack("Network");
      assertThat(stack.output("Vpc")).isEqualTo(network.physicalId("Vpc"));
      // end::nested[]
    }
  }

  /** Stands in for the CDK's {@code Template.fromStack(stack).toJSON()} in a CDK unit test. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> synthesized() throws IOException {
    try (InputStream in = ImportGuideTest.class.getResourceAsStream("/templates/cdk-web.json")) {
      return new ObjectMapper().readValue(in, Map.class);
    }
  }

  @Test
  void fromACdkUnitTest() throws IOException {
    Map<String, Object> json = synthesized();
    try (CloudTwin twin = CloudTwin.builder().build()) {
      // tag::cdk[]
      // in a CDK unit test: Map<String, Object> json = Template.fromStack(webStack).toJSON();
      Stack stack =
          StackImport.of(io.github.cloudtwin.cloudformation.Template.fromMap("WebStack", json))
              .stackName("WebStack")
              .ssmParameter(
                  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64", "ami-0abc")
              .ssmParameter("/cdk-bootstrap/hnb659fds/version", "21")
              .importInto(twin);
      AutoScalingGroup group = stack.autoScalingGroup("WebAsgASG4D014670");
      // end::cdk[]
      assertThat(group.minSize()).isEqualTo(2);
    }
  }
}
