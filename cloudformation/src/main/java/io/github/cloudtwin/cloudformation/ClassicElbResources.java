package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * AWS::ElasticLoadBalancing::LoadBalancer: a Classic Load Balancer with its listeners and health
 * check.
 */
final class ClassicElbResources {

  static final String TYPE = "AWS::ElasticLoadBalancing::LoadBalancer";

  private ClassicElbResources() {}

  static final ResourceHandler LOAD_BALANCER =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("LoadBalancerName"), 32);
        LinkedHashSet<String> zones = new LinkedHashSet<>();
        List<String> subnets = p.strings("Subnets");
        List<String> azs = p.strings("AvailabilityZones");
        if (subnets != null && !subnets.isEmpty()) {
          for (int i = 0; i < subnets.size(); i++)
            zones.add(r.subnetZone(subnets.get(i), "Properties.Subnets[" + i + "]"));
        } else if (azs != null && !azs.isEmpty()) {
          for (int i = 0; i < azs.size(); i++)
            zones.add(r.zone(azs.get(i), "Properties.AvailabilityZones[" + i + "]"));
        } else {
          throw r.invalid("Properties.AvailabilityZones", null, "AvailabilityZones or Subnets");
        }
        LoadBalancerSpec.Builder b =
            LoadBalancerSpec.classic(name).availabilityZones(new ArrayList<>(zones));
        Boolean crossZone = p.bool("CrossZone");
        if (crossZone != null) b.crossZoneEnabled(crossZone);
        Props settings = p.child("ConnectionSettings");
        if (settings != null)
          b.idleTimeout(Duration.ofSeconds(settings.requiredInt("IdleTimeout")));
        Props draining = p.child("ConnectionDrainingPolicy");
        if (draining != null) {
          Boolean enabled = draining.bool("Enabled");
          if (enabled == null) throw draining.missing("Enabled");
          Duration timeout = draining.seconds("Timeout");
          b.connectionDraining(enabled, timeout == null ? Duration.ofSeconds(300) : timeout);
        }
        Props hc = p.child("HealthCheck");
        if (hc != null) {
          HealthCheckSpec.Builder h = HealthCheckSpec.classicTarget(hc.requiredString("Target"));
          h.healthyThresholdCount(hc.requiredInt("HealthyThreshold"));
          h.unhealthyThresholdCount(hc.requiredInt("UnhealthyThreshold"));
          h.interval(Duration.ofSeconds(hc.requiredInt("Interval")));
          h.timeout(Duration.ofSeconds(hc.requiredInt("Timeout")));
          b.healthCheck(h.build());
        }
        List<Props> listeners = p.children("Listeners");
        if (listeners.isEmpty()) throw p.missing("Listeners");
        List<ListenerSpec> specs = new ArrayList<>();
        for (Props l : listeners) {
          int port = l.requiredInt("LoadBalancerPort");
          int instancePort = l.requiredInt("InstancePort");
          if (instancePort < 1 || instancePort > 65535)
            throw l.invalid("InstancePort", instancePort, "between 1 and 65535");
          String protocol = l.requiredString("Protocol").toUpperCase(java.util.Locale.ROOT);
          Protocol proto =
              switch (protocol) {
                case "HTTP" -> Protocol.HTTP;
                case "HTTPS" -> Protocol.HTTPS;
                case "TCP" -> Protocol.TCP;
                case "SSL" -> Protocol.TLS;
                default -> throw l.invalid("Protocol", protocol, "HTTP, HTTPS, TCP or SSL");
              };
          l.accept("InstanceProtocol");
          specs.add(
              ListenerSpec.builder(name, port)
                  .protocol(proto)
                  .forwardTo(name)
                  .instancePort(instancePort)
                  .build());
        }
        LoadBalancerSpec spec = b.build();
        String dns =
            name
                + "-"
                + Math.abs(Names.fnv(r.stackName() + "/" + r.logicalId()) % 1_000_000_000L)
                + "."
                + r.region()
                + ".elb.amazonaws.com";
        return new Creation() {
          @Override
          public Outcome predict() {
            if (r.twin().loadBalancing().loadBalancers().stream()
                .anyMatch(l -> l.name().equals(name))) {
              throw r.invalid(
                  "Properties.LoadBalancerName",
                  name,
                  "a name no load balancer of the twin has (DuplicateLoadBalancerName)");
            }
            return outcome();
          }

          @Override
          public Outcome create(CloudTwin twin) {
            LoadBalancer lb = twin.loadBalancing().createLoadBalancer(spec);
            for (ListenerSpec l : specs) twin.loadBalancing().createListener(l);
            return outcome().withView(lb);
          }

          private Outcome outcome() {
            return Outcome.of(name)
                .attribute("DNSName", dns)
                .attribute("CanonicalHostedZoneName", dns)
                .attribute("CanonicalHostedZoneNameID", "Z35SXDOTRQ7X7K")
                .attribute("SourceSecurityGroup.GroupName", "default_elb_" + name)
                .attribute("SourceSecurityGroup.OwnerAlias", "amazon-elb");
          }
        };
      };
}
