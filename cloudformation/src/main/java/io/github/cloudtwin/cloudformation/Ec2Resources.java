package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.ec2.LaunchTemplate;
import io.github.cloudtwin.ec2.LaunchTemplates;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * AWS::EC2::VPC, AWS::EC2::Subnet and AWS::EC2::LaunchTemplate. The twin has zones, not networks: a
 * VPC is a name, a subnet is its zone, a launch template is a template of the twin's EC2 (its
 * instance type) and the monitoring its instances launch with.
 */
final class Ec2Resources {

  private Ec2Resources() {}

  /**
   * The launch settings an Auto Scaling group takes from a launch template or configuration.
   *
   * @param template the twin's launch template (as planned, then as created); null for a launch
   *     configuration
   */
  record Launch(
      String name,
      String version,
      String instanceType,
      boolean detailedMonitoring,
      @Nullable String ecsCluster,
      @Nullable LaunchTemplate template) {}

  /**
   * The cluster an ECS-optimised AMI's agent joins, from user data that writes {@code
   * ECS_CLUSTER=name} to /etc/ecs/ecs.config; null when the user data does not (then it is
   * reported).
   */
  static @Nullable String ecsCluster(ResourceContext r, Props p, String key) {
    String data = p.string(key);
    if (data == null) return null;
    String text = data;
    try {
      text =
          new String(
              java.util.Base64.getDecoder().decode(data.trim()),
              java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      // user data given as plain text
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("ECS_CLUSTER=([A-Za-z0-9_-]+)").matcher(text);
    if (m.find()) {
      r.note(
          p.path(key),
          "the instances' ECS agent joins cluster "
              + m.group(1)
              + " (ECS_CLUSTER in the user data); the rest of the script is not run");
      return m.group(1);
    }
    r.unmodelled(p.path(key), "user data is not run");
    return null;
  }

  static final ResourceHandler VPC =
      r -> {
        Props p = r.props();
        String cidr = p.string("CidrBlock");
        String id = Names.hexId("vpc-", r.stackName() + "/" + r.logicalId(), 17);
        Outcome o = Outcome.of(id).attribute("VpcId", id);
        if (cidr != null)
          o.attribute("CidrBlock", cidr).attribute("CidrBlockAssociations", List.of(id + "-cidr"));
        return Creation.fixed(o);
      };

  static final ResourceHandler SUBNET =
      r -> {
        Props p = r.props();
        String zone = p.string("AvailabilityZone");
        String zoneId = p.string("AvailabilityZoneId");
        p.string("VpcId");
        String cidr = p.string("CidrBlock");
        if (zone == null && zoneId != null) {
          zone =
              r.twin().availabilityZones().stream()
                  .filter(z -> z.zoneId().equals(zoneId))
                  .map(Object::toString)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          r.invalid(
                              "Properties.AvailabilityZoneId",
                              zoneId,
                              "a zone id of the twin "
                                  + r.twin().availabilityZones().stream()
                                      .map(z -> z.zoneId())
                                      .toList()));
        } else if (zone == null) {
          zone = r.twin().config().zoneNames().get(0);
          r.note(
              "Properties.AvailabilityZone",
              "not given: EC2 picks a zone; the twin takes the first, " + zone);
        }
        r.zone(zone, "Properties.AvailabilityZone");
        String id = Names.hexId("subnet-", r.stackName() + "/" + r.logicalId(), 17);
        Outcome o = Outcome.of(id).attribute("SubnetId", id).attribute("AvailabilityZone", zone);
        String z = zone;
        r.twin().availabilityZones().stream()
            .filter(a -> a.name().equals(z))
            .findFirst()
            .ifPresent(a -> o.attribute("AvailabilityZoneId", a.zoneId()));
        if (cidr != null) o.attribute("CidrBlock", cidr);
        return Creation.fixed(o);
      };

  /**
   * AWS::EC2::LaunchTemplate: creates the template in the twin's EC2 ({@code
   * twin.ec2().launchTemplates()}) with version 1, the default. Ref is its id ({@code lt-}, derived
   * from the name, so planning already knows it); Fn::GetAtt gives LaunchTemplateId,
   * LaunchTemplateName, LatestVersionNumber and DefaultVersionNumber from the twin's template.
   */
  static final ResourceHandler LAUNCH_TEMPLATE =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("LaunchTemplateName"), 128);
        if (!name.matches("[a-zA-Z0-9().\\-/_]{3,128}")) {
          throw r.invalid(
              "Properties.LaunchTemplateName",
              name,
              "3 to 128 characters of a-z, A-Z, 0-9, ( ) . - / _");
        }
        Props data = p.child("LaunchTemplateData");
        if (data == null) throw p.missing("LaunchTemplateData");
        String given = data.string("InstanceType");
        String type = given != null ? given : "t3.micro";
        if (given == null)
          r.note(
              "Properties.LaunchTemplateData.InstanceType", "not given: the twin launches " + type);
        InstanceType.of(type);
        Props monitoring = data.child("Monitoring");
        boolean detailed = monitoring != null && Boolean.TRUE.equals(monitoring.bool("Enabled"));
        String cluster = ecsCluster(r, data, "UserData");
        return new Creation() {
          @Override
          public Outcome predict() {
            LaunchTemplates templates = r.twin().ec2().launchTemplates();
            if (templates.find(name) != null) {
              throw r.invalid(
                  "Properties.LaunchTemplateName",
                  name,
                  "a name no launch template of the twin has"
                      + " (InvalidLaunchTemplateName.AlreadyExistsException)");
            }
            return outcome(
                new LaunchTemplate(
                    templates.launchTemplateId(name), name, r.twin().now(), List.of(type), 1));
          }

          @Override
          public Outcome create(CloudTwin twin) {
            LaunchTemplate t = twin.ec2().launchTemplates().createLaunchTemplate(name, type);
            return outcome(t).withView(t);
          }

          private Outcome outcome(LaunchTemplate t) {
            return Outcome.of(t.launchTemplateId())
                .attribute("LaunchTemplateId", t.launchTemplateId())
                .attribute("LaunchTemplateName", t.launchTemplateName())
                .attribute("LatestVersionNumber", Integer.toString(t.latestVersion()))
                .attribute("DefaultVersionNumber", Integer.toString(t.defaultVersion()))
                .withDetail(new Launch(name, "1", type, detailed, cluster, t));
          }
        };
      };

  static final ResourceHandler LAUNCH_CONFIGURATION =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("LaunchConfigurationName"), 255);
        String type = p.requiredString("InstanceType");
        InstanceType.of(type);
        Boolean monitoring = p.bool("InstanceMonitoring");
        // AWS: InstanceMonitoring defaults to true (detailed monitoring) for launch configurations
        Launch launch =
            new Launch(
                name,
                "1",
                type,
                monitoring == null || monitoring,
                ecsCluster(r, p, "UserData"),
                null);
        return Creation.fixed(Outcome.of(name).withDetail(launch));
      };
}
