package io.kube4j.agent.nodelease;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node lease controller: {@link #renew} is called every renew interval; it creates the Lease
 * when missing and otherwise updates its {@code renewTime} with a plain update on the last version
 * it wrote (a conflict means someone else wrote it: the next renewal reads it again).
 */
public final class NodeLease {

  public static final String NAMESPACE = "kube-node-lease";
  private static final Logger LOG = LoggerFactory.getLogger(NodeLease.class);

  private final KubernetesClient client;
  private final String nodeName;
  private final int leaseDurationSeconds;
  private final Supplier<Optional<Node>> node;
  private final Clock clock;
  /** The lease as last written; touched only by the thread that calls {@link #renew}. */
  private Lease latest;

  /**
   * @param leaseDurationSeconds {@code --node-lease-duration-seconds} (40)
   * @param node the registered Node, for the owner reference (none before registration)
   */
  public NodeLease(KubernetesClient client, String nodeName, int leaseDurationSeconds, Supplier<Optional<Node>> node,
      Clock clock) {
    this.client = client;
    this.nodeName = nodeName;
    this.leaseDurationSeconds = leaseDurationSeconds;
    this.node = node;
    this.clock = clock;
  }

  /** One heartbeat; errors are logged and the next call tries again. */
  public void renew() {
    try {
      latest = latest == null ? ensureLease() : update(latest);
    } catch (KubernetesClientException e) {
      LOG.warn("node {}: failed to renew its lease: {}", nodeName, e.getMessage());
      latest = null;
    }
  }

  private Lease ensureLease() {
    Lease existing = client.leases().inNamespace(NAMESPACE).withName(nodeName).get();
    if (existing != null) {
      return update(existing);
    }
    Lease lease = new LeaseBuilder().withNewMetadata().withName(nodeName).withNamespace(NAMESPACE)
        .withOwnerReferences(ownerReferences()).endMetadata()
        .withNewSpec().withHolderIdentity(nodeName).withLeaseDurationSeconds(leaseDurationSeconds)
        .withRenewTime(now()).endSpec().build();
    return client.leases().inNamespace(NAMESPACE).resource(lease).create();
  }

  private Lease update(Lease lease) {
    Lease next = new LeaseBuilder(lease).editSpec().withHolderIdentity(nodeName)
        .withLeaseDurationSeconds(leaseDurationSeconds).withRenewTime(now()).endSpec().build();
    if (next.getMetadata().getOwnerReferences() == null || next.getMetadata().getOwnerReferences().isEmpty()) {
      next.getMetadata().setOwnerReferences(ownerReferences());
    }
    return client.leases().inNamespace(NAMESPACE).resource(next).update();
  }

  /** {@code setNodeOwnerFunc}: the Node owns its lease, once the Node exists. */
  private List<OwnerReference> ownerReferences() {
    return node.get().filter(n -> n.getMetadata().getUid() != null)
        .map(n -> List.of(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Node")
            .withName(n.getMetadata().getName()).withUid(n.getMetadata().getUid()).build()))
        .orElse(List.of());
  }

  /** {@code metav1.MicroTime}: microseconds, UTC. */
  private java.time.ZonedDateTime now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS).atZone(java.time.ZoneOffset.UTC);
  }
}
