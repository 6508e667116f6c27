package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.InstanceRefreshSpec;
import io.github.cloudtwin.autoscaling.InstanceRefreshStatus;
import io.github.cloudtwin.autoscaling.RefreshPreferences;
import io.github.cloudtwin.ec2.LaunchTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AWS::EC2::LaunchTemplate registers a real template in the twin's EC2
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-launchtemplate.html:
 * Ref is the id; Fn::GetAtt LaunchTemplateId, LatestVersionNumber, DefaultVersionNumber), and a
 * group of the stack launches from it, so later versions and instance refreshes reach the group.
 */
class LaunchTemplateImportTest {

  private static final String TEMPLATE =
      """
      Resources:
        WebTemplate:
          Type: AWS::EC2::LaunchTemplate
          Properties:
            LaunchTemplateName: web-lt
            LaunchTemplateData: {InstanceType: c5.large}
        Web:
          Type: AWS::AutoScaling::AutoScalingGroup
          Properties:
            AutoScalingGroupName: web
            AvailabilityZones: !GetAZs ""
            MinSize: "4"
            MaxSize: "8"
            LaunchTemplate: {%s, Version: %s}
      Outputs:
        Id: {Value: !GetAtt WebTemplate.LaunchTemplateId}
        Name: {Value: !GetAtt WebTemplate.LaunchTemplateName}
        Latest: {Value: !GetAtt WebTemplate.LatestVersionNumber}
        Default: {Value: !GetAtt WebTemplate.DefaultVersionNumber}
      """;

  private static final String BY_REF = "LaunchTemplateId: !Ref WebTemplate";
  private static final String LATEST = "!GetAtt WebTemplate.LatestVersionNumber";

  private static Stack importWeb(CloudTwin twin, String by, String version) {
    return StackImport.of(Template.parse("web.yaml", TEMPLATE.formatted(by, version)))
        .stackName("web")
        .importInto(twin);
  }

  @Test
  void theTemplateIsRegisteredInTheTwinAndRefAndGetAttComeFromIt() {
    CloudTwin twin = Estates.twin();
    Stack stack = importWeb(twin, BY_REF, LATEST);
    LaunchTemplate t = twin.ec2().launchTemplates().launchTemplate("web-lt");
    assertThat(t.instanceTypes()).containsExactly("c5.large");
    assertThat(t.launchTemplateId()).matches("lt-[0-9a-f]{17}");
    assertThat(stack.physicalId("WebTemplate")).isEqualTo(t.launchTemplateId());
    assertThat(stack.outputs())
        .containsEntry("Id", t.launchTemplateId())
        .containsEntry("Name", "web-lt")
        .containsEntry("Latest", "1")
        .containsEntry("Default", "1");
    assertThat(stack.resource("WebTemplate", LaunchTemplate.class)).isEqualTo(t);
    // deterministic: the same template gives the same ids in another twin
    CloudTwin other = Estates.twin();
    assertThat(importWeb(other, BY_REF, LATEST).physicalId("WebTemplate"))
        .isEqualTo(t.launchTemplateId());
  }

  @Test
  void aGeneratedNameIsTheStacksAndTheTwinHoldsTheTemplateUnderIt() {
    CloudTwin twin = Estates.twin();
    Stack stack =
        StackImport.of(
                Template.parse(
                    "web.yaml",
                    TEMPLATE
                        .formatted(BY_REF, LATEST)
                        .replace("      LaunchTemplateName: web-lt\n", "")))
            .stackName("web")
            .importInto(twin);
    String name = Names.generate("web", "WebTemplate", 128);
    assertThat(stack.output("Name")).isEqualTo(name);
    assertThat(twin.ec2().launchTemplates().launchTemplate(name).launchTemplateId())
        .isEqualTo(stack.physicalId("WebTemplate"));
    assertThat(stack.autoScalingGroup("Web").spec().launchTemplateName()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0} with Version {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LaunchTemplateId: !Ref WebTemplate   | !GetAtt WebTemplate.LatestVersionNumber  | 1",
        "LaunchTemplateId: !Ref WebTemplate   | !GetAtt WebTemplate.DefaultVersionNumber | 1",
        "LaunchTemplateId: !Ref WebTemplate   | '\"1\"'                                  | 1",
        "LaunchTemplateName: web-lt           | '\"$Latest\"'                            | $Latest",
        "LaunchTemplateName: web-lt           | '\"$Default\"'                           | $Default",
        "LaunchTemplateName: !GetAtt WebTemplate.LaunchTemplateName | '1'              | 1",
      })
  void everyVersionFormNamesTheTemplateAndTheGroupLaunchesItsType(
      String by, String version, String kept) {
    CloudTwin twin = Estates.twin();
    Stack stack = importWeb(twin, by, version);
    AutoScalingGroup web = stack.autoScalingGroup("Web");
    assertThat(web.spec().launchTemplateName()).isEqualTo("web-lt");
    assertThat(web.spec().launchTemplateVersion()).isEqualTo(kept);
    twin.advance(ofMinutes(2));
    assertThat(web.instances())
        .hasSize(4)
        .allSatisfy(
            i -> {
              assertThat(i.instanceType()).isEqualTo("c5.large");
              assertThat(i.launchTemplateName()).isEqualTo("web-lt");
              assertThat(i.launchTemplateVersion()).isEqualTo("1");
            });
    boolean noted =
        stack.report().entries(ImportReport.Kind.NOTE).stream()
            .anyMatch(e -> e.reason().contains("CloudFormation documents a version number"));
    assertThat(noted).isEqualTo(kept.startsWith("$"));
  }

  @Test
  void aVersionTheTemplateDoesNotHaveFailsNamingItAndTheVersionsAndCreatesNothing() {
    CloudTwin twin = Estates.twin();
    assertThatThrownBy(() -> importWeb(twin, BY_REF, "\"2\""))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("Web");
              assertThat(e.property()).isEqualTo("Properties.LaunchTemplate.Version");
              assertThat(e.value()).isEqualTo("2");
            })
        .hasMessageContaining("web-lt")
        .hasMessageContaining("from 1 to 1");
    assertThatThrownBy(() -> importWeb(twin, BY_REF, "latest"))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> assertThat(e.property()).isEqualTo("Properties.LaunchTemplate.Version"));
    assertThat(twin.ec2().launchTemplates().launchTemplates()).isEmpty();
    assertThat(twin.autoScaling().groups()).isEmpty();
  }

  @Test
  void aMixedInstancesPolicysSpecificationIsCheckedTheSameWay() {
    CloudTwin twin = Estates.twin();
    String text =
        TEMPLATE
            .formatted(BY_REF, LATEST)
            .replace(
                "      LaunchTemplate: {LaunchTemplateId: !Ref WebTemplate,"
                    + " Version: !GetAtt WebTemplate.LatestVersionNumber}",
                """
                      MixedInstancesPolicy:
                        LaunchTemplate:
                          LaunchTemplateSpecification: {LaunchTemplateName: web-lt, Version: "3"}
                          Overrides: [{InstanceType: c5.xlarge}]\
                """);
    assertThatThrownBy(() -> StackImport.of(Template.parse("web.yaml", text)).importInto(twin))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e ->
                assertThat(e.property())
                    .isEqualTo(
                        "Properties.MixedInstancesPolicy.LaunchTemplate"
                            + ".LaunchTemplateSpecification.Version"))
        .hasMessageContaining("from 1 to 1");
    assertThat(twin.ec2().launchTemplates().launchTemplates()).isEmpty();
  }

  @Test
  void aNameATemplateOfTheTwinAlreadyHasIsRefused() {
    CloudTwin twin = Estates.twin();
    twin.ec2().launchTemplates().createLaunchTemplate("web-lt", "t3.micro");
    assertThatThrownBy(() -> importWeb(twin, BY_REF, LATEST))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("WebTemplate");
              assertThat(e.property()).isEqualTo("Properties.LaunchTemplateName");
            })
        .hasMessageContaining("AlreadyExists");
    assertThat(twin.autoScaling().groups()).isEmpty();
  }

  @Test
  void anIllegalNameOrBothIdAndNameAreRefusedNamingTheProperty() {
    CloudTwin twin = Estates.twin();
    String spaced = TEMPLATE.formatted(BY_REF, LATEST).replace("web-lt", "web lt");
    assertThatThrownBy(() -> StackImport.of(Template.parse("web.yaml", spaced)).importInto(twin))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.property()).isEqualTo("Properties.LaunchTemplateName");
              assertThat(e.value()).isEqualTo("web lt");
            })
        .hasMessageContaining("3 to 128 characters");
    assertThatThrownBy(
            () ->
                importWeb(
                    twin, "LaunchTemplateId: !Ref WebTemplate, LaunchTemplateName: web-lt", LATEST))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> assertThat(e.property()).isEqualTo("Properties.LaunchTemplate.LaunchTemplateName"))
        .hasMessageContaining("not both");
    assertThat(twin.ec2().launchTemplates().launchTemplates()).isEmpty();
  }

  @Test
  void aGroupMayNameATemplateTheTwinAlreadyHolds() {
    CloudTwin twin = Estates.twin();
    twin.ec2().launchTemplates().createLaunchTemplate("shared-lt", "t3.micro");
    twin.ec2().launchTemplates().createLaunchTemplateVersion("shared-lt", "m5.large");
    Stack stack =
        StackImport.of(
                Template.parse(
                    "web.yaml",
                    """
                    Resources:
                      Web:
                        Type: AWS::AutoScaling::AutoScalingGroup
                        Properties:
                          AvailabilityZones: !GetAZs ""
                          MinSize: "2"
                          MaxSize: "2"
                          LaunchTemplate: {LaunchTemplateName: shared-lt, Version: "2"}
                    """))
            .importInto(twin);
    twin.advance(ofMinutes(2));
    assertThat(stack.autoScalingGroup("Web").instances())
        .extracting(AutoScalingInstance::instanceType)
        .containsExactly("m5.large", "m5.large");
  }

  @Test
  void aNewVersionAndAnInstanceRefreshReplaceTheStacksInstancesWithTheNewType() {
    CloudTwin twin = Estates.twin();
    AutoScalingGroup web = importWeb(twin, BY_REF, LATEST).autoScalingGroup("Web");
    twin.advance(ofMinutes(2));
    assertThat(web.instances())
        .extracting(AutoScalingInstance::instanceType)
        .containsOnly("c5.large");

    LaunchTemplate v2 =
        twin.ec2().launchTemplates().createLaunchTemplateVersion("web-lt", "m5.large");
    twin.autoScaling()
        .instanceRefreshes()
        .startInstanceRefresh(
            InstanceRefreshSpec.builder()
                .autoScalingGroupName("web")
                .desiredConfiguration("web-lt", Integer.toString(v2.latestVersion()))
                .preferences(
                    RefreshPreferences.builder()
                        .minHealthyPercentage(75)
                        .instanceWarmup(ofMinutes(1))
                        .build())
                .build());
    twin.advanceUntil(
        () ->
            !twin.autoScaling()
                .instanceRefreshes()
                .describeInstanceRefreshes("web")
                .get(0)
                .status()
                .isActive(),
        ofHours(1));
    assertThat(
            twin.autoScaling().instanceRefreshes().describeInstanceRefreshes("web").get(0).status())
        .isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(web.instances())
        .hasSize(4)
        .allSatisfy(
            i -> {
              assertThat(i.instanceType()).isEqualTo("m5.large");
              assertThat(i.launchTemplateVersion()).isEqualTo("2");
            });
    assertThat(web.spec().launchTemplateVersion()).isEqualTo("2");
  }

  @Test
  void aGroupOnLatestIsRefreshedToTheNewVersionWithoutADesiredConfiguration() {
    CloudTwin twin = Estates.twin();
    AutoScalingGroup web =
        importWeb(twin, "LaunchTemplateName: web-lt", "\"$Latest\"").autoScalingGroup("Web");
    twin.advance(ofMinutes(2));
    twin.ec2().launchTemplates().createLaunchTemplateVersion("web-lt", "m5.large");
    twin.autoScaling()
        .instanceRefreshes()
        .startInstanceRefresh(
            InstanceRefreshSpec.builder()
                .autoScalingGroupName("web")
                .preferences(
                    RefreshPreferences.builder()
                        .skipMatching(true)
                        .instanceWarmup(ofMinutes(1))
                        .build())
                .build());
    twin.advance(ofHours(1));
    assertThat(web.instances())
        .hasSize(4)
        .extracting(AutoScalingInstance::instanceType)
        .containsOnly("m5.large");
    assertThat(web.spec().launchTemplateVersion()).isEqualTo("$Latest");
  }
}
