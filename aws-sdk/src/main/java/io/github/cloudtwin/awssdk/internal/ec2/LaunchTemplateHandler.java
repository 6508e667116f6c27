package io.github.cloudtwin.awssdk.internal.ec2;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.LaunchTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apiguardian.api.API;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateResponse;

/**
 * The {@code Ec2Client} operations on launch templates: Create/Describe/Modify/DeleteLaunchTemplate
 * (ModifyLaunchTemplate sets the default version), CreateLaunchTemplateVersion (with {@code
 * SourceVersion}) and DescribeLaunchTemplateVersions (with {@code Versions}), over the twin's
 * launch templates (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/
 * API_CreateLaunchTemplateVersion.html).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LaunchTemplateHandler {

  private final CloudTwin twin;
  private final LaunchTemplates templates;

  /**
   * A handler over {@code templates}.
   *
   * @param twin the twin
   * @param templates the launch templates
   */
  public LaunchTemplateHandler(CloudTwin twin, LaunchTemplates templates) {
    this.twin = twin;
    this.templates = templates;
  }

  /**
   * CreateLaunchTemplate: the twin keeps the name and the instance type.
   *
   * @param r the request
   * @return the response
   */
  public CreateLaunchTemplateResponse createLaunchTemplate(CreateLaunchTemplateRequest r) {
    if (r.launchTemplateData() == null) {
      throw AwsErrorException.badRequest(
          "MissingParameter", "The request must contain the parameter" + " launchTemplateData");
    }
    io.github.cloudtwin.ec2.LaunchTemplate t =
        templates.create(r.launchTemplateName(), r.launchTemplateData().instanceTypeAsString());
    return CreateLaunchTemplateResponse.builder().launchTemplate(launchTemplate(t)).build();
  }

  /**
   * CreateLaunchTemplateVersion: a new latest version with the request's instance type, else that
   * of {@code SourceVersion}, else (a twin choice: EC2 would leave it unset) the latest version's.
   *
   * @param r the request
   * @return the response
   */
  public CreateLaunchTemplateVersionResponse createLaunchTemplateVersion(
      CreateLaunchTemplateVersionRequest r) {
    String type =
        r.launchTemplateData() == null ? null : r.launchTemplateData().instanceTypeAsString();
    io.github.cloudtwin.ec2.LaunchTemplate t =
        templates.find(r.launchTemplateId(), r.launchTemplateName());
    if (type == null) {
      type =
          t.instanceType(
              r.sourceVersion() == null
                  ? t.latestVersion()
                  : LaunchTemplates.versionOf(t, r.sourceVersion()));
    }
    io.github.cloudtwin.ec2.LaunchTemplate next =
        templates.createVersion(r.launchTemplateId(), r.launchTemplateName(), type);
    return CreateLaunchTemplateVersionResponse.builder()
        .launchTemplateVersion(version(next, next.latestVersion()))
        .build();
  }

  /**
   * ModifyLaunchTemplate: {@code SetDefaultVersion} ({@code DefaultVersion} in the SDK) becomes the
   * version groups on {@code $Default} launch.
   *
   * @param r the request
   * @return the response
   */
  public ModifyLaunchTemplateResponse modifyLaunchTemplate(ModifyLaunchTemplateRequest r) {
    io.github.cloudtwin.ec2.LaunchTemplate t =
        templates.modify(r.launchTemplateId(), r.launchTemplateName(), r.defaultVersion());
    return ModifyLaunchTemplateResponse.builder().launchTemplate(launchTemplate(t)).build();
  }

  /**
   * DescribeLaunchTemplates.
   *
   * @param r the request
   * @return the response
   */
  public DescribeLaunchTemplatesResponse describeLaunchTemplates(DescribeLaunchTemplatesRequest r) {
    List<LaunchTemplate> out = new ArrayList<>();
    if (r.hasLaunchTemplateIds() && !r.launchTemplateIds().isEmpty()) {
      for (String id : r.launchTemplateIds()) out.add(launchTemplate(templates.find(id, null)));
    } else if (r.hasLaunchTemplateNames() && !r.launchTemplateNames().isEmpty()) {
      for (String n : r.launchTemplateNames()) out.add(launchTemplate(templates.find(null, n)));
    } else {
      for (io.github.cloudtwin.ec2.LaunchTemplate t : templates.all()) out.add(launchTemplate(t));
    }
    return DescribeLaunchTemplatesResponse.builder().launchTemplates(out).build();
  }

  /**
   * DescribeLaunchTemplateVersions: the versions {@code Versions} names ({@code $Latest}, {@code
   * $Default}, numbers), else every version, newest first.
   *
   * @param r the request
   * @return the response
   */
  public DescribeLaunchTemplateVersionsResponse describeLaunchTemplateVersions(
      DescribeLaunchTemplateVersionsRequest r) {
    io.github.cloudtwin.ec2.LaunchTemplate t =
        templates.find(r.launchTemplateId(), r.launchTemplateName());
    TreeSet<Integer> versions = new TreeSet<>();
    if (r.hasVersions() && !r.versions().isEmpty()) {
      for (String v : r.versions()) versions.add(LaunchTemplates.versionOf(t, v));
    } else {
      for (int v = 1; v <= t.latestVersion(); v++) versions.add(v);
    }
    List<LaunchTemplateVersion> out = new ArrayList<>();
    for (int v : versions.descendingSet()) out.add(version(t, v));
    return DescribeLaunchTemplateVersionsResponse.builder().launchTemplateVersions(out).build();
  }

  /**
   * DeleteLaunchTemplate.
   *
   * @param r the request
   * @return the response
   */
  public DeleteLaunchTemplateResponse deleteLaunchTemplate(DeleteLaunchTemplateRequest r) {
    return DeleteLaunchTemplateResponse.builder()
        .launchTemplate(
            launchTemplate(templates.delete(r.launchTemplateId(), r.launchTemplateName())))
        .build();
  }

  private LaunchTemplate launchTemplate(io.github.cloudtwin.ec2.LaunchTemplate t) {
    return LaunchTemplate.builder()
        .launchTemplateId(t.launchTemplateId())
        .launchTemplateName(t.launchTemplateName())
        .createTime(t.createTime())
        .createdBy(twin.arns().global("iam", "root"))
        .defaultVersionNumber((long) t.defaultVersion())
        .latestVersionNumber((long) t.latestVersion())
        .tags(List.of())
        .build();
  }

  private LaunchTemplateVersion version(io.github.cloudtwin.ec2.LaunchTemplate t, int v) {
    return LaunchTemplateVersion.builder()
        .launchTemplateId(t.launchTemplateId())
        .launchTemplateName(t.launchTemplateName())
        .versionNumber((long) v)
        .createTime(t.createTime())
        .createdBy(twin.arns().global("iam", "root"))
        .defaultVersion(v == t.defaultVersion())
        .launchTemplateData(d -> d.instanceType(t.instanceType(v)))
        .build();
  }
}
