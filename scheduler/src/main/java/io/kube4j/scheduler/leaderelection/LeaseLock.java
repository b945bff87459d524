package io.kube4j.scheduler.leaderelection;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Duration;

/**
 * A Lease written with get + update only ({@code get} and {@code update} on {@code kube-scheduler},
 * {@code create} on leases: the bootstrap role's rights). Fabric8's own lock renews with PATCH, which
 * the role does not allow. The same approach as the controller-manager's lock.
 */
public final class LeaseLock implements Lock {

  private final String namespace;
  private final String name;
  private final String identity;
  /** The Lease last read or written; an update sends its resourceVersion. Guarded by this. */
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
        spec.getAcquireTime(), spec.getRenewTime(), spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions());
  }

  @Override
  public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
    current = client.resource(new LeaseBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withSpec(spec(record)).build()).create();
  }

  /** Writes over the Lease last read; a 409 means another candidate wrote first and this one lost the round. */
  @Override
  public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
    if (current == null) {
      throw new IllegalStateException("get or create must be called first");
    }
    current = client.resource(new LeaseBuilder(current).withSpec(spec(record)).build()).update();
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
