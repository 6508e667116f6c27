package io.github.cloudtwin.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Launch templates and their versions
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplateVersion.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyLaunchTemplate.html).
 */
class LaunchTemplatesTest {

  private final CloudTwin twin = CloudTwin.create();
  private final LaunchTemplates templates = twin.ec2().launchTemplates();

  @AfterEach
  void close() {
    twin.close();
  }

  // a new version becomes $Latest; the default version stays until ModifyLaunchTemplate moves it
  @Test
  void aNewVersionIsLatestAndTheDefaultStaysUntilModified() {
    String predicted = templates.launchTemplateId("web-lt");
    LaunchTemplate v1 = templates.createLaunchTemplate("web-lt", "t3.micro");
    assertThat(v1.launchTemplateId()).matches("lt-[0-9a-f]{17}").isEqualTo(predicted);
    assertThat(templates.launchTemplateId("other-lt")).isNotEqualTo(predicted);
    LaunchTemplate t = templates.createLaunchTemplateVersion("web-lt", "m5.large");
    assertThat(t.latestVersion()).isEqualTo(2);
    assertThat(t.versionNumber("$Latest")).isEqualTo(2);
    assertThat(t.versionNumber("$Default")).isEqualTo(1);
    assertThat(t.versionNumber(null)).isEqualTo(1);
    assertThat(t.instanceType(2)).isEqualTo("m5.large");
    assertThat(t.launchTemplateId()).isEqualTo(v1.launchTemplateId());

    assertThat(templates.modifyLaunchTemplate("web-lt", "2").versionNumber("$Default"))
        .isEqualTo(2);
    assertThat(templates.findById(v1.launchTemplateId())).isEqualTo(templates.find("web-lt"));
  }

  // bad input names the field and value, and changes nothing
  @Test
  void badVersionsNamesAndTypesAreRefusedAndChangeNothing() {
    templates.createLaunchTemplate("web-lt", "t3.micro");
    assertThatThrownBy(() -> templates.modifyLaunchTemplate("web-lt", "2"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("from 1 to 1");
    assertThatThrownBy(() -> templates.createLaunchTemplate("web-lt", "t3.micro"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("LaunchTemplateName");
    assertThatThrownBy(() -> templates.createLaunchTemplateVersion("web-lt", "t9.huge"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("t9.huge");
    assertThatThrownBy(() -> templates.createLaunchTemplateVersion("nope", "t3.micro"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("nope");
    LaunchTemplate t = templates.launchTemplate("web-lt");
    assertThat(t.latestVersion()).isEqualTo(1);
    assertThat(t.defaultVersion()).isEqualTo(1);
    templates.deleteLaunchTemplate("web-lt");
    assertThat(templates.launchTemplates()).isEmpty();
  }
}
