package io.github.cloudtwin.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import org.junit.jupiter.api.Test;

/**
 * The shapes AWS's own sample templates use (the multi-AZ web server with notifications): a tag on
 * a mapping ({@code !Base64} over {@code Fn::Sub}), cfn-init metadata, key-pair, security-group and
 * zone list parameters, a Graviton instance type, an HTTPS listener with a certificate.
 */
class SampleShapesTest {

  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Parameters:
        InstanceType: {Type: String, Default: t4g.micro}
        KeyName: {Type: "AWS::EC2::KeyPair::KeyName"}
        SecurityGroups: {Type: "List<AWS::EC2::SecurityGroup::Id>"}
        Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
        AZs: {Type: "List<AWS::EC2::AvailabilityZone::Name>"}
        VPC: {Type: "AWS::EC2::VPC::Id"}
        CertificateArn: {Type: String}
      Resources:
        LaunchTemplate:
          Type: AWS::EC2::LaunchTemplate
          Metadata:
            AWS::CloudFormation::Init:
              config:
                packages: {yum: {httpd: []}}
          Properties:
            LaunchTemplateName: !Sub ${AWS::StackName}-LaunchTemplate
            LaunchTemplateData:
              InstanceType: !Ref InstanceType
              KeyName: !Ref KeyName
              SecurityGroupIds: !Ref SecurityGroups
              UserData: !Base64
                Fn::Sub: |
                  #!/bin/bash
                  /opt/aws/bin/cfn-init -v --stack ${AWS::StackName} --resource LaunchTemplate --region ${AWS::Region}
        WebServerGroup:
          Type: AWS::AutoScaling::AutoScalingGroup
          CreationPolicy:
            ResourceSignal: {Timeout: PT5M, Count: 1}
          Properties:
            AvailabilityZones: !Ref AZs
            LaunchTemplate:
              LaunchTemplateId: !Ref LaunchTemplate
              Version: !GetAtt LaunchTemplate.LatestVersionNumber
            MinSize: "1"
            MaxSize: "3"
            TargetGroupARNs: [!Ref TargetGroup]
            HealthCheckType: ELB
            VPCZoneIdentifier: !Ref Subnets
        LoadBalancer:
          Type: AWS::ElasticLoadBalancingV2::LoadBalancer
          Properties: {Scheme: internet-facing, Subnets: !Ref Subnets, Type: application}
        Listener:
          Type: AWS::ElasticLoadBalancingV2::Listener
          Properties:
            DefaultActions: [{Type: forward, TargetGroupArn: !Ref TargetGroup}]
            LoadBalancerArn: !Ref LoadBalancer
            Port: 443
            Protocol: HTTPS
            SslPolicy: ELBSecurityPolicy-2016-08
            Certificates: [{CertificateArn: !Ref CertificateArn}]
        TargetGroup:
          Type: AWS::ElasticLoadBalancingV2::TargetGroup
          Properties: {HealthCheckPath: /, Name: MyTargetGroup, Port: 80, Protocol: HTTP, TargetType: instance, VpcId: !Ref VPC}
      Outputs:
        URL:
          Value: !Join
            - ""
            - - https://
              - !GetAtt LoadBalancer.DNSName
      """;

  @Test
  void aTemplateInTheShapeOfAwsSamplesImportsWithoutEdits() {
    CloudTwin twin = Estates.twin();
    Stack stack =
        StackImport.of(Template.parse("sample.yaml", TEMPLATE))
            .stackName("sample")
            .parameters(
                "KeyName=my-key;SecurityGroups=sg-1,sg-2;Subnets=subnet-a,subnet-b;AZs=us-east-1a,us-east-1b;VPC=vpc-1")
            .parameter("CertificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc")
            .subnet("subnet-a", "us-east-1a")
            .subnet("subnet-b", "us-east-1b")
            .importInto(twin);
    assertThat(stack.autoScalingGroup("WebServerGroup").spec().instanceType())
        .isEqualTo("t4g.micro");
    assertThat(stack.autoScalingGroup("WebServerGroup").spec().availabilityZones())
        .containsExactly("us-east-1a", "us-east-1b");
    assertThat(stack.loadBalancer("LoadBalancer").listenerPorts()).containsExactly(443);
    assertThat(stack.output("URL")).startsWith("https://sample-LoadBal");
    assertThat(stack.report().unmodelledProperties("LaunchTemplate"))
        .contains(
            "Properties.LaunchTemplateData.UserData", "Properties.LaunchTemplateData.KeyName");
    assertThat(stack.report().unmodelledProperties("Listener"))
        .contains("Properties.SslPolicy", "Properties.Certificates");
    assertThat(stack.report().unmodelledProperties("WebServerGroup")).contains("CreationPolicy");
  }
}
