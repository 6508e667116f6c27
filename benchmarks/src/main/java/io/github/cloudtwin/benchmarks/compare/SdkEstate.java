package io.github.cloudtwin.benchmarks.compare;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The typical estate on CloudTwin through the AWS SDK for Java v2 client interfaces ({@code
 * cloudtwin-aws-sdk}): the same calls as {@link MotoSide} with the same arguments, except that the
 * twin's zones come with their subnets (read with {@code DescribeSubnets} instead of {@code
 * CreateVpc} and {@code CreateSubnet}) and the twin needs no security group or image. One round
 * builds a twin, creates the estate, advances virtual time one minute (instances InService, targets
 * registered), reads every resource back with the describe calls {@link MotoSide} uses and closes
 * the twin.
 */
public final class SdkEstate {

  private SdkEstate() {}

  /**
   * A fresh twin with the estate created and read back through the SDK clients; the caller closes
   * it.
   *
   * @param seed the twin's seed
   * @return the twin
   */
  public static CloudTwin createAndReadBack(long seed) {
    CloudTwin twin =
        CloudTwin.builder()
            .seed(seed)
            .availabilityZones(Estate.ZONES.toArray(String[]::new))
            .build();
    AwsSdkClients sdk = AwsSdkClients.of(twin);
    Created c = create(sdk);
    twin.advance(Duration.ofMinutes(1));
    readBack(sdk, c);
    return twin;
  }

  /**
   * What the read-back needs of the created estate.
   *
   * @param subnetIds the subnets, one per zone
   * @param targetGroupArn the target group
   * @param loadBalancerArn the load balancer
   */
  public record Created(List<String> subnetIds, String targetGroupArn, String loadBalancerArn) {}

  /**
   * Creates the estate through the clients of {@code sdk}.
   *
   * @param sdk the clients
   * @return what the read-back needs
   */
  public static Created create(AwsSdkClients sdk) {
    EstateCalls calls = calls(sdk);
    List<String> subnets =
        calls.ec2().describeSubnets().subnets().stream()
            .filter(s -> Estate.ZONES.contains(s.availabilityZone()))
            .map(Subnet::subnetId)
            .toList();
    calls
        .ec2()
        .createLaunchTemplate(
            b ->
                b.launchTemplateName(Estate.GROUP)
                    .launchTemplateData(
                        d ->
                            d.instanceType(InstanceType.T3_MICRO)
                                .monitoring(m -> m.enabled(true))));
    return calls.create(subnets, null, null);
  }

  /**
   * The read-back of {@link MotoSide#readBack}: the same describe calls and counts.
   *
   * @param sdk the clients
   * @param c the created estate
   */
  public static void readBack(AwsSdkClients sdk, Created c) {
    calls(sdk).readBack(c, "CloudTwin (SDK)");
  }

  private static EstateCalls calls(AwsSdkClients sdk) {
    return new EstateCalls(
        sdk.ec2(), sdk.autoScaling(), sdk.elasticLoadBalancingV2(), sdk.cloudWatch(), sdk.ecs());
  }
}
