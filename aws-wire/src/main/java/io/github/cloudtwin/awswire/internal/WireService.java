package io.github.cloudtwin.awswire.internal;

import io.github.cloudtwin.awssdk.AwsSdkClients;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The services the wire protocols serve, with what identifies a request as theirs (signing name,
 * endpoint prefix, awsQuery version, {@code X-Amz-Target} prefix, Smithy service name) and the
 * in-process client that answers it. Operations are read off the SDK's sync client interface.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum WireService {
  /** EC2 Auto Scaling: awsQuery. */
  AUTO_SCALING(
      "autoscaling",
      AutoScalingClient.class,
      AwsSdkClients::autoScaling,
      "2011-01-01",
      "http://autoscaling.amazonaws.com/doc/2011-01-01/",
      null,
      null,
      null),
  /** Elastic Load Balancing v2: awsQuery. */
  ELASTIC_LOAD_BALANCING(
      "elasticloadbalancing",
      ElasticLoadBalancingV2Client.class,
      AwsSdkClients::elasticLoadBalancingV2,
      "2015-12-01",
      "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
      null,
      null,
      null),
  /** EC2: the EC2 query protocol. */
  EC2(
      "ec2",
      Ec2Client.class,
      AwsSdkClients::ec2,
      "2016-11-15",
      "http://ec2.amazonaws.com/doc/2016-11-15/",
      null,
      null,
      null),
  /** CloudWatch: Smithy RPC v2 CBOR, awsJson 1.0 and awsQuery (query-compatible errors). */
  CLOUDWATCH(
      "monitoring",
      CloudWatchClient.class,
      AwsSdkClients::cloudWatch,
      "2010-08-01",
      "http://monitoring.amazonaws.com/doc/2010-08-01/",
      "GraniteServiceVersion20100801",
      "1.0",
      "GraniteServiceVersion20100801"),
  /** Amazon ECS: awsJson 1.1. */
  ECS(
      "ecs",
      EcsClient.class,
      AwsSdkClients::ecs,
      null,
      null,
      "AmazonEC2ContainerServiceV20141113",
      "1.1",
      null),
  /** Application Auto Scaling: awsJson 1.1. */
  APPLICATION_AUTO_SCALING(
      "application-autoscaling",
      ApplicationAutoScalingClient.class,
      AwsSdkClients::applicationAutoScaling,
      null,
      null,
      "AnyScaleFrontendService",
      "1.1",
      null);

  private final String signingName;
  private final Class<?> clientInterface;
  private final Function<AwsSdkClients, Object> client;
  private final @Nullable String queryVersion;
  private final @Nullable String xmlNamespace;
  private final @Nullable String jsonTargetPrefix;
  private final @Nullable String jsonVersion;
  private final @Nullable String smithyService;
  private final Map<String, Operation> operations;

  WireService(
      String signingName,
      Class<?> clientInterface,
      Function<AwsSdkClients, ?> client,
      @Nullable String queryVersion,
      @Nullable String xmlNamespace,
      @Nullable String jsonTargetPrefix,
      @Nullable String jsonVersion,
      @Nullable String smithyService) {
    this.signingName = signingName;
    this.clientInterface = clientInterface;
    this.client = client::apply;
    this.queryVersion = queryVersion;
    this.xmlNamespace = xmlNamespace;
    this.jsonTargetPrefix = jsonTargetPrefix;
    this.jsonVersion = jsonVersion;
    this.smithyService = smithyService;
    this.operations = operationsOf(clientInterface);
  }

  private static Map<String, Operation> operationsOf(Class<?> clientInterface) {
    Map<String, Operation> ops = new TreeMap<>();
    for (Method m : clientInterface.getMethods()) {
      Class<?>[] p = m.getParameterTypes();
      if (p.length != 1
          || !SdkRequest.class.isAssignableFrom(p[0])
          || !SdkResponse.class.isAssignableFrom(m.getReturnType())) {
        continue;
      }
      try {
        Method builder = p[0].getMethod("builder");
        if (!Modifier.isStatic(builder.getModifiers())) continue;
        String name = Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1);
        ops.put(name, new Operation(name, m, builder));
      } catch (NoSuchMethodException e) {
        // not a generated request class
      }
    }
    return Collections.unmodifiableMap(ops);
  }

  /** {@return the SigV4 signing name, also the endpoint prefix, such as {@code monitoring}} */
  public String signingName() {
    return signingName;
  }

  /**
   * {@return the awsQuery / EC2 {@code Version}, or {@code null} when the service has no query
   * protocol}
   */
  public @Nullable String queryVersion() {
    return queryVersion;
  }

  /** {@return the XML namespace of query responses, or {@code null}} */
  public @Nullable String xmlNamespace() {
    return xmlNamespace;
  }

  /** {@return the {@code X-Amz-Target} prefix of awsJson requests, or {@code null}} */
  public @Nullable String jsonTargetPrefix() {
    return jsonTargetPrefix;
  }

  /** {@return the awsJson version ({@code 1.0} or {@code 1.1}), or {@code null}} */
  public @Nullable String jsonVersion() {
    return jsonVersion;
  }

  /** {@return the Smithy service name in RPC v2 CBOR paths, or {@code null}} */
  public @Nullable String smithyService() {
    return smithyService;
  }

  /** {@return whether this is EC2's query dialect (no result wrapper, lists always flattened)} */
  public boolean ec2() {
    return this == EC2;
  }

  /**
   * {@return whether errors carry awsQuery codes beside their JSON types ({@code
   * awsQueryCompatible})}
   */
  public boolean queryCompatible() {
    return this == CLOUDWATCH;
  }

  /** {@return the SDK's sync client interface} */
  public Class<?> clientInterface() {
    return clientInterface;
  }

  /**
   * The in-process client of this service.
   *
   * @param sdk the twin's clients
   * @return its client for this service
   */
  public Object client(AwsSdkClients sdk) {
    return client.apply(sdk);
  }

  /**
   * One operation.
   *
   * @param name its AWS name
   * @return the operation, or {@code null} when the SDK's client has no such operation
   */
  public @Nullable Operation operation(String name) {
    return operations.get(name);
  }

  /** {@return the operations of the SDK's client, by name} */
  public Map<String, Operation> operations() {
    return operations;
  }
}
