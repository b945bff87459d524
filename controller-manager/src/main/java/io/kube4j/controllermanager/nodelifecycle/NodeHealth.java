package io.kube4j.controllermanager.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each node last showed a sign of life, on the controller's own clock ({@code nodeHealthMap}):
 * a heartbeat is a change of the Ready condition's {@code lastHeartbeatTime} or of the node Lease's
 * {@code renewTime}. Comparing with the controller's clock, not the timestamps themselves, makes the
 * judgement immune to clock skew between node and controller.
 */
final class NodeHealth {

  private record Seen(String heartbeat, String renew, Instant probe) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  /** Records what the node and its lease show now; a change counts as a heartbeat at {@code now}. */
  void observe(Node node, Lease lease, Instant now) {
    String name = node.getMetadata().getName();
    String heartbeat = NodeTaints.condition(node, "Ready").map(c -> c.getLastHeartbeatTime()).orElse(null);
    String renew = lease == null || lease.getSpec() == null || lease.getSpec().getRenewTime() == null ? null
        : lease.getSpec().getRenewTime().toString();
    seen.compute(name, (n, old) -> old == null || !Objects.equals(old.heartbeat, heartbeat)
        || !Objects.equals(old.renew, renew) ? new Seen(heartbeat, renew, now) : old);
  }

  /** Whether the node showed no sign of life for longer than {@code grace}. */
  boolean silentFor(String node, Duration grace, Instant now) {
    Seen s = seen.get(node);
    return s != null && now.isAfter(s.probe.plus(grace));
  }

  void forget(String node) {
    seen.remove(node);
  }
}
