package io.kube4j.controllermanager.daemon;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.kube4j.controllermanager.controller.DeepCopy;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code NodeShouldRunDaemonPod}: whether a node should run a DaemonSet's pod, judged on the pod the
 * controller would create there (the template plus the daemon tolerations).
 *
 * <ul>
 *   <li>{@code shouldRun}: a pod should be created if the node has none: the template's nodeName
 *       (if any) is this node, nodeSelector and required node affinity match, and every NoSchedule
 *       and NoExecute taint is tolerated.
 *   <li>{@code shouldContinueRunning}: a pod already there may stay: as above, except that only
 *       NoExecute taints matter (NoSchedule keeps new pods off, it does not evict).
 * </ul>
 */
public final class NodeEligibility {

  /** The verdict for one node. */
  public record Verdict(boolean shouldRun, boolean shouldContinueRunning) {}

  private NodeEligibility() {}

  public static Verdict nodeShouldRunDaemonPod(Node node, DaemonSet ds) {
    Pod pod = newPod(ds, node.getMetadata().getName());
    String templateNodeName = ds.getSpec().getTemplate().getSpec().getNodeName();
    if (templateNodeName != null && !templateNodeName.isEmpty() && !templateNodeName.equals(node.getMetadata().getName())) {
      return new Verdict(false, false);
    }
    if (!RequiredNodeAffinity.matches(pod, node)) {
      return new Verdict(false, false);
    }
    List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
    List<Toleration> tolerations = pod.getSpec().getTolerations();
    boolean fitsTaints = findMatchingUntoleratedTaint(taints, tolerations,
        t -> "NoExecute".equals(t.getEffect()) || "NoSchedule".equals(t.getEffect())).isEmpty();
    if (!fitsTaints) {
      boolean noExecuteTolerated = findMatchingUntoleratedTaint(taints, tolerations,
          t -> "NoExecute".equals(t.getEffect())).isEmpty();
      return new Verdict(false, noExecuteTolerated);
    }
    return new Verdict(true, true);
  }

  /** {@code NewPod}: the template on {@code nodeName}, with the daemon tolerations. */
  static Pod newPod(DaemonSet ds, String nodeName) {
    var template = DeepCopy.of(ds.getSpec().getTemplate());
    Pod pod = new PodBuilder().withMetadata(template.getMetadata() == null ? new ObjectMeta() : template.getMetadata())
        .withSpec(template.getSpec()).build();
    pod.getMetadata().setNamespace(ds.getMetadata().getNamespace());
    pod.getSpec().setNodeName(nodeName);
    DaemonPods.addOrUpdateDaemonPodTolerations(pod.getSpec());
    return pod;
  }

  /** {@code v1helper.FindMatchingUntoleratedTaint}: the first taint passing {@code filter} that no toleration tolerates. */
  static Optional<Taint> findMatchingUntoleratedTaint(List<Taint> taints, List<Toleration> tolerations,
      Predicate<Taint> filter) {
    List<Toleration> tols = tolerations == null ? List.of() : tolerations;
    return taints.stream().filter(filter).filter(t -> tols.stream().noneMatch(tol -> tolerates(tol, t))).findFirst();
  }

  /**
   * {@code Toleration.ToleratesTaint}: the effect matches (empty tolerates every effect), the key
   * matches (empty key with Exists tolerates every taint), and for Equal (the default) the value too.
   */
  static boolean tolerates(Toleration tol, Taint taint) {
    if (tol.getEffect() != null && !tol.getEffect().isEmpty() && !tol.getEffect().equals(taint.getEffect())) {
      return false;
    }
    boolean anyKey = tol.getKey() == null || tol.getKey().isEmpty();
    if (!anyKey && !tol.getKey().equals(taint.getKey())) {
      return false;
    }
    String operator = tol.getOperator() == null || tol.getOperator().isEmpty() ? "Equal" : tol.getOperator();
    return switch (operator) {
      case "Exists" -> true;
      case "Equal" -> !anyKey && nz(tol.getValue()).equals(nz(taint.getValue()));
      default -> false;
    };
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
