package io.kube4j.scheduler.e2e;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.scheduler.Scheduler;
import io.kube4j.scheduler.SchedulerOptions;
import io.kube4j.scheduler.queue.QueueOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Starts in-process schedulers as {@code system:kube-scheduler}, and the API calls scenario tests share. */
final class SchedulerFixture {

  /** Short leader-election timings so that a takeover happens within seconds. */
  static final SchedulerOptions.LeaderElection FAST_ELECTION = new SchedulerOptions.LeaderElection(true,
      Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(300));

  /** Backoffs of 100 ms doubling to 1 s, so retries after cluster events come within a second or two. */
  static final QueueOptions FAST_QUEUE = new QueueOptions(Duration.ofMillis(100), Duration.ofSeconds(1),
      Duration.ofSeconds(60));

  private SchedulerFixture() {}

  /**
   * Skips a test that needs {@code POST pods/<name>/binding} when the apiserver under test refuses it
   * the way kube4j's did at the time of writing: its BindingRest writes through the store's main
   * update path, whose pod update validation forbids changing {@code spec.nodeName} (upstream's
   * BindingREST writes without the update strategy). Any other failure of the probe fails the test.
   * The probe pod is bound to a node that does not exist and deleted again; call before any
   * scheduler starts, and skip each test (so the skip and its reason show in the report) with
   * {@link #assumeBindingAccepted(Optional)}.
   *
   * @return why binding is refused, empty when it works
   */
  static Optional<String> bindingRefused(KubernetesClient admin) {
    Pod probe = admin.pods().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
        .withNewMetadata().withName("binding-probe").endMetadata()
        .withNewSpec().withSchedulerName("no-such-scheduler").addNewContainer().withName("c")
        .withImage("registry.k8s.io/pause:3.10").endContainer().endSpec().build()).create();
    String url = admin.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/default/pods/"
        + "binding-probe/binding";
    String body = "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"binding-probe\"},"
        + "\"target\":{\"kind\":\"Node\",\"name\":\"binding-probe-node\"}}";
    try {
      admin.raw(url, "POST", body);
      return Optional.empty();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      if (e.getCode() == 422 && String.valueOf(e.getMessage()).contains("pod updates may not change fields")) {
        return Optional.of("the apiserver refuses pods/binding (its BindingRest validates the bind as a pod spec "
            + "update; upstream's BindingREST does not): " + e.getMessage());
      }
      throw e;
    } finally {
      admin.pods().inNamespace("default").withName(probe.getMetadata().getName()).withGracePeriod(0).delete();
    }
  }

  static Scheduler start(TestCluster cluster, Path dir, String name, Runnable onLostLeadership) {
    Path kubeconfig = cluster.pki().kubeconfig(dir.resolve(name + ".kubeconfig"), cluster.url(),
        "system:kube-scheduler", List.of());
    SchedulerOptions options = new SchedulerOptions(kubeconfig, FAST_ELECTION, "127.0.0.1", 0, Optional.empty(),
        FAST_QUEUE, 0);
    try {
      return Scheduler.start(options, onLostLeadership);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assumeBindingAccepted(Optional<String> refused) {
    org.junit.jupiter.api.Assumptions.assumeTrue(refused.isEmpty(), () -> refused.orElse(""));
  }

  /** Creates the node, then sets its status (allocatable) as a kubelet would. */
  static void createNode(KubernetesClient admin, Node node) {
    Node created = admin.nodes().resource(node).create();
    created.setStatus(node.getStatus());
    admin.nodes().resource(created).updateStatus();
  }

  static void createNamespace(KubernetesClient admin, String name) {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
  }

  static Pod create(KubernetesClient admin, Pod pod) {
    return admin.pods().inNamespace(pod.getMetadata().getNamespace()).resource(withoutUid(pod)).create();
  }

  private static Pod withoutUid(Pod pod) {
    pod.getMetadata().setUid(null);
    return pod;
  }

  static String nodeOf(KubernetesClient admin, String namespace, String name) {
    Pod p = admin.pods().inNamespace(namespace).withName(name).get();
    return p == null ? null : p.getSpec().getNodeName();
  }

  static Optional<PodCondition> podScheduled(KubernetesClient admin, String namespace, String name) {
    Pod p = admin.pods().inNamespace(namespace).withName(name).get();
    if (p == null || p.getStatus() == null || p.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst();
  }

  static List<Event> events(KubernetesClient admin, String namespace, String pod, String reason) {
    return admin.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> pod.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())).toList();
  }
}
