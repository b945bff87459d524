package io.kube4j.componentbase.leaderelection;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Duration;

/**
 * A Lease as the election's lock, written with get + update only: the rights the bootstrap roles give
 * {@code system:kube-controller-manager} and {@code system:kube-scheduler} ({@code get} and
 * {@code update} on their Lease, {@code create} on leases). Fabric8's own lock renews with PATCH,
 * which those roles do not allow.
 */
public final class LeaseLock implements Lock {

  private final String namespace;
  private final String name;
  private final String identity;
  private Lease current;

  public LeaseLock(String namespace, String name, String identity) {
    this.namespace = namespace;
    this.name = name;
    this.identity = identity;
  }

  @Override
  public synchronized LeaderElectionRecord get(KubernetesClient client) {
    current = client.resources(Lease.class).inNamespace(namespace).withName(name).get();
    if (current == null || current.getSpec() == null) {
      return null;
    }
    LeaseSpec spec = current.getSpec();
    return new LeaderElectionRecord(spec.getHolderIdentity(),
        Duration.ofSeconds(spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds()),
        spec.getAcquireTime(), spec.getRenewTime(),
        spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions());
  }

  @Override
  public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
    Lease lease = new LeaseBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withSpec(spec(record)).build();
    current = client.resource(lease).create();
  }

  /** Writes the record over the Lease last read; a 409 means another candidate wrote first. */
  @Override
  public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
    if (current == null) {
      throw new IllegalStateException("get or create must be called first");
    }
    Lease next = new LeaseBuilder(current).withSpec(spec(record)).build();
    current = client.resource(next).update();
  }

  private static LeaseSpec spec(LeaderElectionRecord record) {
    LeaseSpec spec = new LeaseSpec();
    spec.setHolderIdentity(record.getHolderIdentity());
    spec.setLeaseDurationSeconds((int) record.getLeaseDuration().getSeconds());
    spec.setAcquireTime(record.getAcquireTime());
    spec.setRenewTime(record.getRenewTime());
    spec.setLeaseTransitions(record.getLeaderTransitions());
    return spec;
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public String describe() {
    return "LeaseLock: " + namespace + " - " + name + " (" + identity + ")";
  }
}
