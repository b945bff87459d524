package io.kube4j.controllermanager.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The taints the controller manages, and how a node's conditions map to them ({@code TaintNodeByCondition}). */
public final class NodeTaints {

  public static final String NOT_READY = "node.kubernetes.io/not-ready";
  public static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  public static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
  static final String MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
  static final String DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
  static final String PID_PRESSURE = "node.kubernetes.io/pid-pressure";
  static final String NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";
  static final String NO_SCHEDULE = "NoSchedule";
  static final String NO_EXECUTE = "NoExecute";

  /** Every NoSchedule taint this controller owns: it adds and removes only these. */
  static final Set<String> MANAGED_NO_SCHEDULE = Set.of(NOT_READY, UNREACHABLE, UNSCHEDULABLE, MEMORY_PRESSURE,
      DISK_PRESSURE, PID_PRESSURE, NETWORK_UNAVAILABLE);

  private NodeTaints() {}

  /** The node's Ready condition status: True, False or Unknown; empty before the node ever posted one. */
  public static Optional<String> ready(Node node) {
    return condition(node, "Ready").map(NodeCondition::getStatus);
  }

  static Optional<NodeCondition> condition(Node node, String type) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** The NoSchedule taints the node's conditions and {@code spec.unschedulable} call for. */
  static Set<String> wantedNoSchedule(Node node) {
    Set<String> keys = new LinkedHashSet<>();
    ready(node).ifPresent(r -> {
      if (r.equals("False")) {
        keys.add(NOT_READY);
      } else if (r.equals("Unknown")) {
        keys.add(UNREACHABLE);
      }
    });
    if (isTrue(node, "MemoryPressure")) {
      keys.add(MEMORY_PRESSURE);
    }
    if (isTrue(node, "DiskPressure")) {
      keys.add(DISK_PRESSURE);
    }
    if (isTrue(node, "PIDPressure")) {
      keys.add(PID_PRESSURE);
    }
    if (isTrue(node, "NetworkUnavailable")) {
      keys.add(NETWORK_UNAVAILABLE);
    }
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      keys.add(UNSCHEDULABLE);
    }
    return keys;
  }

  /** The NoExecute taint a node's Ready condition calls for: not-ready, unreachable, or none. */
  static Optional<String> wantedNoExecute(Node node) {
    return ready(node).flatMap(r -> r.equals("False") ? Optional.of(NOT_READY)
        : r.equals("Unknown") ? Optional.of(UNREACHABLE) : Optional.empty());
  }

  static List<Taint> taints(Node node) {
    return node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
  }

  static boolean has(Node node, String key, String effect) {
    return taints(node).stream().anyMatch(t -> key.equals(t.getKey()) && effect.equals(t.getEffect()));
  }

  /**
   * The node's taints with the managed ones of {@code effect} replaced by {@code wanted} (keeping
   * a taint that stays, with its time); returns empty when nothing changes.
   */
  static Optional<List<Taint>> replaced(Node node, String effect, Set<String> managed, Set<String> wanted,
      String timeAdded) {
    List<Taint> out = new ArrayList<>();
    for (Taint t : taints(node)) {
      boolean ours = effect.equals(t.getEffect()) && managed.contains(t.getKey());
      if (!ours || wanted.contains(t.getKey())) {
        out.add(t);
      }
    }
    for (String key : wanted) {
      if (out.stream().noneMatch(t -> key.equals(t.getKey()) && effect.equals(t.getEffect()))) {
        out.add(new TaintBuilder().withKey(key).withEffect(effect)
            .withTimeAdded(effect.equals(NO_EXECUTE) ? timeAdded : null).build());
      }
    }
    return Objects.equals(out, taints(node)) ? Optional.empty() : Optional.of(out);
  }

  private static boolean isTrue(Node node, String type) {
    return condition(node, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}
