package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Fixtures.NOW;
import static io.kube4j.apiserver.printers.Fixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServicePrinterTest {

  private final ServicePrinter printer = new ServicePrinter();

  record Case(String name, Service service, List<Object> cells) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static ServiceBuilder service(String type, String clusterIp) {
    ServiceBuilder b = new ServiceBuilder().withMetadata(meta("web")).withNewSpec().withType(type).endSpec();
    if (clusterIp != null) {
      b.editSpec().withClusterIP(clusterIp).withClusterIPs(clusterIp).endSpec();
    }
    return b;
  }

  static Stream<Case> services() {
    return Stream.of(
        new Case("cluster IP service",
            service("ClusterIP", "10.96.0.10").editSpec().addToSelector("app", "web")
                .addNewPort().withPort(80).withProtocol("TCP").endPort().endSpec().build(),
            List.of("web", "ClusterIP", "10.96.0.10", "<none>", "80/TCP", "5m", "app=web")),
        new Case("node port service lists node ports",
            service("NodePort", "10.96.12.1").editSpec().addToSelector("tier", "front").addToSelector("app", "web")
                .addNewPort().withName("http").withPort(80).withNodePort(30080).withProtocol("TCP").endPort()
                .addNewPort().withName("https").withPort(443).withNodePort(30443).withProtocol("TCP").endPort()
                .endSpec().build(),
            List.of("web", "NodePort", "10.96.12.1", "<none>", "80:30080/TCP,443:30443/TCP", "5m",
                "app=web,tier=front")),
        new Case("external IPs on a cluster IP service",
            service("ClusterIP", "10.96.0.11").editSpec().withExternalIPs("203.0.113.5", "203.0.113.6")
                .addNewPort().withPort(53).withProtocol("UDP").endPort().endSpec().build(),
            List.of("web", "ClusterIP", "10.96.0.11", "203.0.113.5,203.0.113.6", "53/UDP", "5m", "<none>")),
        new Case("load balancer waiting for an address",
            service("LoadBalancer", "10.96.0.12").editSpec()
                .addNewPort().withPort(80).withNodePort(31000).withProtocol("TCP").endPort().endSpec().build(),
            List.of("web", "LoadBalancer", "10.96.0.12", "<pending>", "80:31000/TCP", "5m", "<none>")),
        new Case("load balancer ingress, sorted, hostnames when no IP",
            service("LoadBalancer", "10.96.0.13").editSpec()
                .addNewPort().withPort(80).withNodePort(31000).withProtocol("TCP").endPort().endSpec()
                .withNewStatus().withNewLoadBalancer()
                .addNewIngress().withIp("198.51.100.9").endIngress()
                .addNewIngress().withHostname("a1b2c3.elb.example.com").endIngress()
                .addNewIngress().withIp("198.51.100.10").endIngress()
                .endLoadBalancer().endStatus().build(),
            List.of("web", "LoadBalancer", "10.96.0.13", "198.51.100.10,198.51.100.9,a1b2c3.elb.example.com",
                "80:31000/TCP", "5m", "<none>")),
        new Case("headless service",
            service("ClusterIP", "None").editSpec().addToSelector("app", "db")
                .addNewPort().withPort(5432).withProtocol("TCP").endPort().endSpec().build(),
            List.of("web", "ClusterIP", "None", "<none>", "5432/TCP", "5m", "app=db")),
        new Case("external name service has no cluster IP and no ports",
            service("ExternalName", null).editSpec().withExternalName("db.example.com").endSpec().build(),
            List.of("web", "ExternalName", "<none>", "db.example.com", "<none>", "5m", "<none>")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void services(Case c) {
    assertThat(printer.cells(c.service(), NOW)).containsExactlyElementsOf(c.cells());
  }
}
