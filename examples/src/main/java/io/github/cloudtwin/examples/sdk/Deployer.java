package io.github.cloudtwin.examples.sdk;

import java.util.List;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A deployer written only against the AWS SDK for Java v2: it registers a revision of the service's
 * task definition with a new image, points the service at it (UpdateService) and waits until the
 * service is stable ({@code waitUntilServicesStable}). It knows nothing of CloudTwin.
 */
public final class Deployer {

  private final EcsClient ecs;

  /**
   * A deployer.
   *
   * @param ecs the ECS client
   */
  public Deployer(EcsClient ecs) {
    this.ecs = ecs;
  }

  /**
   * Deploys {@code image} to every container of the service's current task definition.
   *
   * @param cluster the cluster
   * @param service the service
   * @param image the new image
   * @return the service once stable
   */
  public Service deploy(String cluster, String service, String image) {
    Service current =
        ecs.describeServices(r -> r.cluster(cluster).services(service)).services().get(0);
    TaskDefinition td =
        ecs.describeTaskDefinition(r -> r.taskDefinition(current.taskDefinition()))
            .taskDefinition();
    List<ContainerDefinition> containers =
        td.containerDefinitions().stream().map(c -> c.toBuilder().image(image).build()).toList();
    String next =
        ecs.registerTaskDefinition(
                r ->
                    r.family(td.family())
                        .networkMode(td.networkMode())
                        .requiresCompatibilitiesWithStrings(td.requiresCompatibilitiesAsStrings())
                        .cpu(td.cpu())
                        .memory(td.memory())
                        .containerDefinitions(containers))
            .taskDefinition()
            .taskDefinitionArn();
    ecs.updateService(r -> r.cluster(cluster).service(service).taskDefinition(next));
    WaiterResponse<DescribeServicesResponse> stable =
        ecs.waiter().waitUntilServicesStable(r -> r.cluster(cluster).services(service));
    return stable.matched().response().orElseThrow().services().get(0);
  }
}
