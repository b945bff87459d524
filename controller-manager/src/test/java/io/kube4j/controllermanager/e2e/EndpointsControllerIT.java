package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The endpoints and EndpointSlice controllers against a real apiserver: pods (bound to a Node, their
 * status written as a kubelet would, through {@code pods/status}) appear behind the Services
 * selecting them, ready or not, within a second of a readiness change; named target ports resolve
 * per pod; hand-written Endpoints of a Service without selector stay; a deleted Service takes its
 * Endpoints and slices along; 250 pods fill three slices.
 */
class EndpointsControllerIT {

  static final String NODE = "node-a";
  static final String ZONE = "zone-a";
  static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
  static final String SERVICE_NAME = "kubernetes.io/service-name";

  static TestCluster cluster;
  static ControllerManager manager;
  static KubernetesClient admin;
  static Kubectl kubectl;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.startWithFullAdmission();
    Path dir = Files.createTempDirectory("endpoints-it");
    manager = ControllerManagerFixture.start(cluster, dir, "cm", () -> { });
    admin = cluster.adminClient();
    kubectl = new Kubectl(cluster.adminKubeconfig(), Files.createDirectories(dir.resolve("kubectl")));
    admin.nodes().resource(new NodeBuilder().withNewMetadata().withName(NODE)
        .addToLabels("topology.kubernetes.io/zone", ZONE).endMetadata().build()).create();
  }

  @AfterAll
  static void stop() {
    if (manager != null) {
      manager.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aServiceGetsEndpointsAndOneSliceWithItsPodsSplitByReadiness() {
    namespace("three");
    Service svc = service("three", "web", Map.of("app", "web"), new IntOrString(8080));
    for (int i = 0; i < 3; i++) {
      pod("three", "web-" + i, Map.of("app", "web"), List.of());
    }
    podStatus("three", "web-0", "10.244.1.10", true);
    podStatus("three", "web-1", "10.244.1.11", true);
    podStatus("three", "web-2", "10.244.1.12", false);

    Conditions.await("Endpoints with 2 ready and 1 not ready", Duration.ofSeconds(20),
        () -> ips(endpoints("three", "web"), true).size() == 2 && ips(endpoints("three", "web"), false).size() == 1);
    Endpoints ep = endpoints("three", "web");
    assertThat(ep.getSubsets()).hasSize(1);
    EndpointSubset subset = ep.getSubsets().get(0);
    assertThat(subset.getAddresses()).extracting(EndpointAddress::getIp).containsExactly("10.244.1.10", "10.244.1.11");
    assertThat(subset.getNotReadyAddresses()).extracting(EndpointAddress::getIp).containsExactly("10.244.1.12");
    assertThat(subset.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getPort()).isEqualTo(8080);
      assertThat(p.getProtocol()).isEqualTo("TCP");
    });
    EndpointAddress first = subset.getAddresses().get(0);
    assertThat(first.getNodeName()).isEqualTo(NODE);
    assertThat(first.getTargetRef().getKind()).isEqualTo("Pod");
    assertThat(first.getTargetRef().getName()).isEqualTo("web-0");
    assertThat(first.getTargetRef().getNamespace()).isEqualTo("three");
    assertThat(first.getTargetRef().getUid()).isEqualTo(admin.pods().inNamespace("three").withName("web-0").get()
        .getMetadata().getUid());
    assertThat(ep.getMetadata().getLabels()).containsEntry("tier", "frontend");
    assertThat(ep.getMetadata().getAnnotations()).containsKey("endpoints.kubernetes.io/last-change-trigger-time");
    // kubectl lists the ready addresses only
    assertThat(kubectl.run("get", "endpoints", "web", "-n", "three").assertOk().out())
        .contains("10.244.1.10:8080,10.244.1.11:8080").doesNotContain("10.244.1.12");

    Conditions.await("one EndpointSlice with 3 endpoints", Duration.ofSeconds(20),
        () -> slices("three", "web").size() == 1 && slices("three", "web").get(0).getEndpoints().size() == 3);
    EndpointSlice slice = slices("three", "web").get(0);
    assertThat(slice.getMetadata().getName()).startsWith("web-");
    assertThat(slice.getMetadata().getLabels()).containsEntry(MANAGED_BY, "endpointslice-controller.k8s.io")
        .containsEntry(SERVICE_NAME, "web").containsEntry("tier", "frontend");
    assertThat(slice.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("Service");
      assertThat(o.getUid()).isEqualTo(svc.getMetadata().getUid());
      assertThat(o.getController()).isTrue();
      assertThat(o.getBlockOwnerDeletion()).isTrue();
    });
    assertThat(slice.getAddressType()).isEqualTo("IPv4");
    assertThat(slice.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(8080));
    Endpoint notReady = endpointOf(slice, "web-2");
    assertThat(notReady.getAddresses()).containsExactly("10.244.1.12");
    assertThat(notReady.getConditions().getReady()).isFalse();
    assertThat(notReady.getConditions().getServing()).isFalse();
    assertThat(notReady.getConditions().getTerminating()).isFalse();
    assertThat(notReady.getNodeName()).isEqualTo(NODE);
    assertThat(notReady.getZone()).isEqualTo(ZONE);
    assertThat(endpointOf(slice, "web-0").getConditions().getReady()).isTrue();
    assertThat(kubectl.run("get", "endpointslices", "-n", "three", "-l", SERVICE_NAME + "=web").assertOk().out())
        .contains("IPv4", "8080", "10.244.1.10", "10.244.1.11", "10.244.1.12");

    // nothing changed: another sync of the Service writes nothing
    String version = endpoints("three", "web").getMetadata().getResourceVersion();
    String sliceVersion = slice.getMetadata().getResourceVersion();
    admin.services().inNamespace("three").withName("web").edit(s -> {
      s.getMetadata().getAnnotations().put("touched", "yes");
      return s;
    });
    service("three", "marker", Map.of("app", "none"), new IntOrString(80));
    Conditions.await("the later Service's Endpoints", Duration.ofSeconds(20), () -> endpoints("three", "marker") != null);
    assertThat(endpoints("three", "web").getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(slices("three", "web").get(0).getMetadata().getResourceVersion()).isEqualTo(sliceVersion);
  }

  @Test
  void flippingReadinessMovesAPodBetweenAddressesAndNotReadyAddressesWithinOneSecond() {
    namespace("flip");
    service("flip", "api", Map.of("app", "api"), new IntOrString(9000));
    pod("flip", "api-0", Map.of("app", "api"), List.of());
    pod("flip", "api-1", Map.of("app", "api"), List.of());
    podStatus("flip", "api-0", "10.244.2.10", true);
    podStatus("flip", "api-1", "10.244.2.11", true);
    Conditions.await("both ready", Duration.ofSeconds(20), () -> ips(endpoints("flip", "api"), true).size() == 2);

    long notReadyMillis = timeUntil(() -> podStatus("flip", "api-1", "10.244.2.11", false),
        () -> ips(endpoints("flip", "api"), false).equals(List.of("10.244.2.11"))
            && ips(endpoints("flip", "api"), true).equals(List.of("10.244.2.10")));
    assertThat(kubectl.run("get", "endpoints", "api", "-n", "flip").assertOk().out())
        .contains("10.244.2.10:9000").doesNotContain("10.244.2.11");
    Conditions.await("the slice says not ready", Duration.ofSeconds(5),
        () -> slices("flip", "api").size() == 1
            && Boolean.FALSE.equals(endpointOf(slices("flip", "api").get(0), "api-1").getConditions().getReady()));

    long readyMillis = timeUntil(() -> podStatus("flip", "api-1", "10.244.2.11", true),
        () -> ips(endpoints("flip", "api"), true).equals(List.of("10.244.2.10", "10.244.2.11")));
    assertThat(kubectl.run("get", "endpoints", "api", "-n", "flip").assertOk().out())
        .contains("10.244.2.10:9000,10.244.2.11:9000");

    System.out.printf("pod status write -> Endpoints shows it: not ready %d ms, ready again %d ms%n",
        notReadyMillis, readyMillis);
    assertThat(notReadyMillis).isLessThan(1000);
    assertThat(readyMillis).isLessThan(1000);
  }

  @Test
  void aNamedTargetPortResolvesPerPodAndAPodWithoutItServesNoPort() {
    namespace("named");
    service("named", "app", Map.of("app", "x"), new IntOrString("http"));
    pod("named", "on-8080", Map.of("app", "x"), List.of(port("http", 8080)));
    pod("named", "on-9090", Map.of("app", "x"), List.of(port("http", 9090)));
    pod("named", "no-http", Map.of("app", "x"), List.of(port("metrics", 9100)));
    podStatus("named", "on-8080", "10.244.3.10", true);
    podStatus("named", "on-9090", "10.244.3.11", true);
    podStatus("named", "no-http", "10.244.3.12", true);

    Conditions.await("two subsets", Duration.ofSeconds(20),
        () -> endpoints("named", "app") != null && endpoints("named", "app").getSubsets().size() == 2);
    List<String> pairs = endpoints("named", "app").getSubsets().stream()
        .flatMap(s -> s.getAddresses().stream().map(a -> a.getIp() + ":" + s.getPorts().get(0).getPort())).toList();
    assertThat(pairs).containsExactlyInAnyOrder("10.244.3.10:8080", "10.244.3.11:9090");
    assertThat(kubectl.run("get", "endpoints", "app", "-n", "named").assertOk().out())
        .contains("10.244.3.10:8080").contains("10.244.3.11:9090").doesNotContain("10.244.3.12");

    // one slice per set of ports: the pod without the port is in one that lists none (as upstream)
    Conditions.await("three slices", Duration.ofSeconds(20), () -> slices("named", "app").size() == 3
        && slices("named", "app").stream().allMatch(s -> s.getEndpoints().size() == 1));
    List<String> slicePairs = slices("named", "app").stream()
        .map(s -> s.getEndpoints().get(0).getAddresses().get(0) + ":"
            + (s.getPorts().isEmpty() ? "none" : s.getPorts().get(0).getPort())).toList();
    assertThat(slicePairs).containsExactlyInAnyOrder("10.244.3.10:8080", "10.244.3.11:9090", "10.244.3.12:none");
  }

  @Test
  void aServiceWithoutSelectorKeepsItsHandWrittenEndpoints() {
    namespace("manual");
    Service db = admin.services().inNamespace("manual").resource(new ServiceBuilder().withNewMetadata()
        .withName("db").endMetadata().withNewSpec().addNewPort().withPort(5432).endPort().endSpec().build()).create();
    Endpoints handWritten = admin.endpoints().inNamespace("manual").resource(new EndpointsBuilder().withNewMetadata()
        .withName("db").endMetadata().addNewSubset().addNewAddress().withIp("192.0.2.10").endAddress()
        .addNewPort().withPort(5432).endPort().endSubset().build()).create();

    // the controllers see the selectorless Service again, then a Service they do manage
    admin.services().inNamespace("manual").withName("db").edit(s -> {
      s.getMetadata().setLabels(Map.of("touched", "yes"));
      return s;
    });
    service("manual", "web", Map.of("app", "web"), new IntOrString(80));
    Conditions.await("the managed Service's Endpoints and slice", Duration.ofSeconds(20),
        () -> endpoints("manual", "web") != null && slices("manual", "web").size() == 1);

    Endpoints now = endpoints("manual", "db");
    assertThat(now.getMetadata().getResourceVersion()).isEqualTo(handWritten.getMetadata().getResourceVersion());
    assertThat(now.getSubsets().get(0).getAddresses()).extracting(EndpointAddress::getIp).containsExactly("192.0.2.10");
    assertThat(slices("manual", "db")).isEmpty();
    assertThat(kubectl.run("get", "endpoints", "db", "-n", "manual").assertOk().out()).contains("192.0.2.10:5432");
    assertThat(db.getSpec().getSelector()).isNullOrEmpty();
  }

  @Test
  void deletingTheServiceDeletesItsEndpointsAndSlices() {
    namespace("gone");
    service("gone", "web", Map.of("app", "web"), new IntOrString(80));
    pod("gone", "web-0", Map.of("app", "web"), List.of());
    podStatus("gone", "web-0", "10.244.4.10", true);
    Conditions.await("Endpoints and slice", Duration.ofSeconds(20),
        () -> ips(endpoints("gone", "web"), true).size() == 1 && slices("gone", "web").size() == 1);

    kubectl.run("delete", "service", "web", "-n", "gone").assertOk();

    Conditions.await("Endpoints and slices gone", Duration.ofSeconds(20),
        () -> endpoints("gone", "web") == null && slices("gone", "web").isEmpty());
    assertThat(kubectl.run("get", "endpoints", "web", "-n", "gone").err()).contains("not found");
    assertThat(kubectl.run("get", "endpointslices", "-n", "gone", "-l", SERVICE_NAME + "=web").err())
        .contains("No resources found");
  }

  @Test
  void twoHundredFiftyPodsFillThreeSlicesOfAtMostOneHundred() throws Exception {
    namespace("many");
    service("many", "big", Map.of("app", "big"), new IntOrString(8080));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = IntStream.range(0, 250).mapToObj(i -> pool.submit(() -> {
        pod("many", "big-" + i, Map.of("app", "big"), List.of());
        podStatus("many", "big-" + i, "10.245." + (i / 200) + "." + (i % 200 + 1), true);
      })).<Future<?>>map(f -> f).toList();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    Conditions.await("250 endpoints in slices", Duration.ofSeconds(60),
        () -> slices("many", "big").stream().mapToInt(s -> s.getEndpoints().size()).sum() == 250);
    List<EndpointSlice> slices = slices("many", "big");
    assertThat(slices).hasSize(3).allSatisfy(s -> assertThat(s.getEndpoints()).hasSizeLessThanOrEqualTo(100));
    assertThat(slices.stream().flatMap(s -> s.getEndpoints().stream()).map(e -> e.getTargetRef().getName()).distinct())
        .hasSize(250);
    Conditions.await("250 addresses in the Endpoints", Duration.ofSeconds(30),
        () -> ips(endpoints("many", "big"), true).size() == 250);
    String table = kubectl.run("get", "endpointslices", "-n", "many", "-l", SERVICE_NAME + "=big").assertOk().out();
    assertThat(table.lines().filter(l -> l.startsWith("big-"))).hasSize(3);
    assertThat(kubectl.run("get", "endpoints", "big", "-n", "many").assertOk().out()).contains("+ 247 more...");
  }

  // --- helpers ---

  /** Runs {@code write}, then waits for {@code shown}; the milliseconds from the write until then. */
  private static long timeUntil(Runnable write, java.util.function.BooleanSupplier shown) {
    long start = System.nanoTime();
    write.run();
    Conditions.await("the change to show", Duration.ofSeconds(10), shown);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void namespace(String name) {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    // the ServiceAccount admission plugin refuses pods until the namespace has its default account
    Conditions.await("default service account in " + name, Duration.ofSeconds(20),
        () -> admin.serviceAccounts().inNamespace(name).withName("default").get() != null);
  }

  private static Service service(String ns, String name, Map<String, String> selector, IntOrString targetPort) {
    return admin.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName(name)
        .addToLabels("tier", "frontend").addToAnnotations("owner", "it").endMetadata()
        .withNewSpec().withSelector(selector)
        .addNewPort().withName("http").withPort(80).withTargetPort(targetPort).endPort().endSpec().build()).create();
  }

  private static ContainerPort port(String name, int number) {
    return new ContainerPortBuilder().withName(name).withContainerPort(number).build();
  }

  /** A pod already bound to {@link #NODE}, as if scheduled. */
  private static void pod(String ns, String name, Map<String, String> labels, List<ContainerPort> ports) {
    admin.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(name).withLabels(labels)
        .endMetadata().withNewSpec().withNodeName(NODE).addNewContainer().withName("app").withImage("nginx")
        .withPorts(ports).endContainer().endSpec().build()).create();
  }

  /** Writes the status a kubelet would: Running, the pod IP, the Ready condition. */
  private static void podStatus(String ns, String name, String ip, boolean ready) {
    Pod pod = admin.pods().inNamespace(ns).withName(name).get();
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    pod.getStatus().setPhase("Running");
    pod.getStatus().setHostIP("192.168.0.10");
    pod.getStatus().setPodIP(ip);
    pod.getStatus().setPodIPs(List.of(new PodIPBuilder().withIp(ip).build()));
    pod.getStatus().setConditions(List.of(new PodConditionBuilder().withType("Ready")
        .withStatus(ready ? "True" : "False").withLastTransitionTime(now).build()));
    admin.pods().inNamespace(ns).resource(pod).subresource("status").update();
  }

  private static Endpoints endpoints(String ns, String name) {
    return admin.endpoints().inNamespace(ns).withName(name).get();
  }

  /** The IPs of the ready ({@code addresses}) or not ready addresses, in the order the controller wrote them. */
  private static List<String> ips(Endpoints ep, boolean ready) {
    if (ep == null || ep.getSubsets() == null) {
      return List.of();
    }
    return ep.getSubsets().stream().flatMap(s -> (ready ? s.getAddresses() : s.getNotReadyAddresses()).stream())
        .map(EndpointAddress::getIp).toList();
  }

  private static List<EndpointSlice> slices(String ns, String service) {
    return admin.discovery().v1().endpointSlices().inNamespace(ns).withLabel(SERVICE_NAME, service).list().getItems();
  }

  private static Endpoint endpointOf(EndpointSlice slice, String pod) {
    return slice.getEndpoints().stream().filter(e -> pod.equals(e.getTargetRef().getName())).findFirst().orElseThrow();
  }
}
