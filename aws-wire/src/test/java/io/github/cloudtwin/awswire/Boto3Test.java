package io.github.cloudtwin.awswire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cloudtwin.CloudTwin;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * boto3 drives the twin through the loopback endpoint: Auto Scaling and ELB (awsQuery), EC2,
 * CloudWatch (awsJson 1.0, with timestamps), ECS and Application Auto Scaling (awsJson 1.1), and
 * botocore's modeled errors. Skipped, saying why, without {@code python3} and boto3.
 */
class Boto3Test {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(3).seed(5).build();
  private final LoopbackEndpoint endpoint = AwsWire.of(twin).startEndpoint();

  @BeforeAll
  static void needsBoto3() {
    String why = ExternalTools.unavailable("python3", "-c", "import boto3");
    assumeTrue(why == null, () -> "boto3 is not available: " + why);
  }

  @AfterEach
  void close() {
    twin.close();
  }

  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, datetime, urllib.request",
          "import boto3, botocore",
          "url = sys.argv[1]",
          "def c(name): return boto3.client(name, endpoint_url=url, region_name='us-east-1',",
          "    aws_access_key_id='x', aws_secret_access_key='y')",
          "ec2, asg, cw, ecs, elb, aas = (c(n) for n in ['ec2', 'autoscaling', 'cloudwatch', 'ecs', 'elbv2', 'application-autoscaling'])",
          "print('zones', ' '.join(z['ZoneName'] for z in ec2.describe_availability_zones()['AvailabilityZones']))",
          "ec2.create_launch_template(LaunchTemplateName='web', LaunchTemplateData={'InstanceType': 'c5.large'})",
          "asg.create_auto_scaling_group(AutoScalingGroupName='web', LaunchTemplate={'LaunchTemplateName': 'web'},",
          "    MinSize=1, MaxSize=4, DesiredCapacity=3, AvailabilityZones=['us-east-1a', 'us-east-1b', 'us-east-1c'])",
          "urllib.request.urlopen(urllib.request.Request(url + '/_cloudtwin/advance?seconds=300', method='POST')).read()",
          "g = asg.describe_auto_scaling_groups(AutoScalingGroupNames=['web'])['AutoScalingGroups'][0]",
          "print('group', g['DesiredCapacity'], sorted(i['LifecycleState'] for i in g['Instances']), type(g['CreatedTime']).__name__)",
          "start = datetime.datetime(2026, 1, 1, 0, 5, tzinfo=datetime.timezone.utc)",
          "cw.put_metric_data(Namespace='Shop', MetricData=[{'MetricName': 'Orders', 'Timestamp': start, 'Value': 7.5}])",
          "s = cw.get_metric_statistics(Namespace='Shop', MetricName='Orders', StartTime=start,",
          "    EndTime=start + datetime.timedelta(minutes=1), Period=60, Statistics=['Sum'])",
          "print('stats', [(d['Timestamp'].isoformat(), d['Sum']) for d in s['Datapoints']])",
          "try:",
          "    cw.set_alarm_state(AlarmName='nope', StateValue='ALARM', StateReason='x')",
          "except botocore.exceptions.ClientError as e:",
          "    print('cwerror', e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'])",
          "ecs.create_cluster(clusterName='prod')",
          "print('clusters', [x['clusterName'] for x in ecs.describe_clusters(clusters=['prod'])['clusters']])",
          "try:",
          "    ecs.describe_services(cluster='nope', services=['api'])",
          "except ecs.exceptions.ClusterNotFoundException as e:",
          "    print('ecserror', e.response['Error']['Code'])",
          "tg = elb.create_target_group(Name='web-tg', Protocol='HTTP', Port=80, VpcId='vpc-1')['TargetGroups'][0]",
          "print('tg', tg['TargetGroupName'], tg['Port'], tg['HealthCheckEnabled'])",
          "print('aas', len(aas.describe_scalable_targets(ServiceNamespace='ecs')['ScalableTargets']))",
          "");

  @Test
  void boto3SpeaksEveryServicesProtocolToTheTwin() throws Exception {
    ExternalTools.Run r =
        ExternalTools.run(
            ExternalTools.awsEnvironment(),
            List.of("python3", "-c", SCRIPT, endpoint.uri().toString()));
    assertThat(r.exit()).as("python3 stderr: %s", r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            "zones us-east-1a us-east-1b us-east-1c",
            "group 3 ['InService', 'InService', 'InService'] datetime",
            "stats [('2026-01-01T00:05:00+00:00', 7.5)]",
            "cwerror ResourceNotFound 404",
            "clusters ['prod']",
            "ecserror ClusterNotFoundException",
            "tg web-tg 80 True",
            "aas 0");
    assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(3);
    assertThat(twin.ecs().clusters()).hasSize(1);
  }
}
