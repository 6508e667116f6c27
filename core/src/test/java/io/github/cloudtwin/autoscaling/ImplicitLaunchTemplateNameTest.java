package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A group whose spec names no launch template gets one named after it, and that name is always one
 * CreateLaunchTemplate accepts: 3 to 128 characters of [a-zA-Z0-9().\-/_] (EC2 API reference,
 * CreateLaunchTemplate, LaunchTemplateName:
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html), while a
 * group name may be 255 characters of any text (Auto Scaling API reference, CreateAutoScalingGroup,
 * AutoScalingGroupName).
 */
class ImplicitLaunchTemplateNameTest {

  private static final String LEGAL = "[a-zA-Z0-9().\\-/_]{3,128}";

  private static String implicitName(String group) {
    return AutoScalingGroupSpec.builder()
        .autoScalingGroupName(group)
        .minSize(0)
        .maxSize(1)
        .availabilityZones("us-east-1a")
        .build()
        .launchTemplateName();
  }

  private static String longAwkwardName(char last) {
    StringBuilder b = new StringBuilder("web tier v1.2/blue ");
    while (b.length() < 254) b.append("a.b/c d");
    b.setLength(254);
    return b.append(last).toString();
  }

  @Test
  void aShortLegalGroupNameKeepsItsPlainImplicitName() {
    assertThat(implicitName("web")).isEqualTo("lt-web");
    assertThat(implicitName("web-1.2/blue_(a)")).isEqualTo("lt-web-1.2/blue_(a)");
  }

  @Test
  void aLongGroupNameWithSpacesDotsAndSlashesGetsALegalName() {
    String group = longAwkwardName('x');
    assertThat(group).hasSize(255).contains(" ", ".", "/");

    String name = implicitName(group);

    assertThat(name).hasSizeLessThanOrEqualTo(128).matches(LEGAL).startsWith("lt-web_tier_v1.2/");
    assertThat(name).matches(".*-[0-9a-f]{8}");
  }

  @Test
  void aGroupNameWithSpacesGetsTheSameLegalNameEachTime() {
    assertThat(implicitName("web tier")).matches(LEGAL).startsWith("lt-web_tier-");
    assertThat(implicitName("web tier")).isEqualTo(implicitName("web tier"));
  }

  @Test
  void groupNamesThatDifferOnlyWhereTheyAreCutOrReplacedGetDifferentNames() {
    assertThat(implicitName(longAwkwardName('x'))).isNotEqualTo(implicitName(longAwkwardName('y')));
    assertThat(implicitName("web tier")).isNotEqualTo(implicitName("web_tier"));
    assertThat(implicitName("web:tier")).isNotEqualTo(implicitName("web tier"));
  }

  @Test
  void aGivenLaunchTemplateNameIsKept() {
    String group = longAwkwardName('x');
    AutoScalingGroupSpec spec =
        AutoScalingGroupSpec.builder()
            .autoScalingGroupName(group)
            .launchTemplate("my-template", "1")
            .minSize(0)
            .maxSize(1)
            .availabilityZones("us-east-1a")
            .build();
    assertThat(spec.launchTemplateName()).isEqualTo("my-template");
  }
}
