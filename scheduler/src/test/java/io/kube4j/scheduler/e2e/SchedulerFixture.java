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
