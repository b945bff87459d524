package io.kube4j.scheduler.plugins.defaultpreemption;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The smallest set of lower-priority pods to evict from one node (upstream's {@code SelectVictimsOnNode}),
 * worked out on a copy of the node and of the cycle state: remove every lower-priority pod; if the pod
 * still does not fit, the node is no candidate. Otherwise put the pods back one by one, most important
 * first and those whose eviction would violate a PodDisruptionBudget before the others, keeping each
 * that still leaves room. What could not be put back are the victims.
 *
 * <p>Worked example: node of 4 CPUs holding a (priority 10, 1 CPU), b (priority 5, 2 CPUs), c (priority
 * 1, 1 CPU); the incoming pod (priority 100) needs 2 CPUs. All three removed: it fits. Reprieve a: 1 of
 * 4 used, fits, a stays. Reprieve b: 3 of 4, no room for 2, b is a victim. Reprieve c: 2 of 4, fits.
 * Victims: [b].
 */
final class SelectVictims {

  private SelectVictims() {}

  record Result(List<Pod> victims, int numPdbViolations, Status status) {}

  static Result onNode(Handle.FilterRunner fwk, CycleState state, Pod pod, NodeInfo node, List<PodDisruptionBudget> pdbs) {
    int priority = Candidate.priority(pod);
    List<Pod> potential = new ArrayList<>();
    for (Pod p : node.pods()) {
      if (Candidate.priority(p) < priority) {
        potential.add(p);
        remove(fwk, state, pod, node, p);
      }
    }
    if (potential.isEmpty()) {
      return new Result(List.of(), 0, Status.unschedulableAndUnresolvable(DefaultPreemption.NO_VICTIMS));
    }
    Status fits = fwk.runFilterPlugins(state, pod, node);
    if (!fits.isSuccess()) {
      return new Result(List.of(), 0, fits);
    }
    potential.sort(Candidate.MORE_IMPORTANT_FIRST);
    List<List<Pod>> split = filterPodsWithPdbViolation(potential, pdbs);
    List<Pod> victims = new ArrayList<>();
    int numViolating = 0;
    for (Pod p : split.get(0)) {
      if (!reprieve(fwk, state, pod, node, p, victims)) {
        numViolating++;
      }
    }
    for (Pod p : split.get(1)) {
      reprieve(fwk, state, pod, node, p, victims);
    }
    return new Result(victims, numViolating, Status.success());
  }

  /** Puts {@code p} back; if the pod no longer fits, takes it out again as a victim. @return whether it stayed */
  private static boolean reprieve(Handle.FilterRunner fwk, CycleState state, Pod pod, NodeInfo node, Pod p,
      List<Pod> victims) {
    node.addPod(p, node.generation());
    fwk.runPreFilterExtensionAddPod(state, pod, p, node);
    if (fwk.runFilterPlugins(state, pod, node).isSuccess()) {
      return true;
    }
    remove(fwk, state, pod, node, p);
    victims.add(p);
    return false;
  }

  private static void remove(Handle.FilterRunner fwk, CycleState state, Pod pod, NodeInfo node, Pod p) {
    node.removePod(p, node.generation());
    fwk.runPreFilterExtensionRemovePod(state, pod, p, node);
  }

  /**
   * Splits the pods into [violating, non-violating]: a pod violates when a budget in its namespace
   * selects it (a nil or empty selector selects nothing here) and that budget's
   * {@code disruptionsAllowed}, decremented for each pod before it, goes below zero. A pod already in
   * the budget's {@code disruptedPods} was counted by the apiserver and does not spend it again.
   * Worked example: budget allowing 1 disruption, pods x and y it selects: x → 0 left, fine; y → -1, violating.
   */
  static List<List<Pod>> filterPodsWithPdbViolation(List<Pod> pods, List<PodDisruptionBudget> pdbs) {
    int[] allowed = new int[pdbs.size()];
    for (int i = 0; i < pdbs.size(); i++) {
      var st = pdbs.get(i).getStatus();
      allowed[i] = st == null || st.getDisruptionsAllowed() == null ? 0 : st.getDisruptionsAllowed();
    }
    List<Pod> violating = new ArrayList<>();
    List<Pod> nonViolating = new ArrayList<>();
    for (Pod p : pods) {
      boolean violated = false;
      Map<String, String> labels = p.getMetadata().getLabels();
      if (labels != null && !labels.isEmpty()) {
        for (int i = 0; i < pdbs.size(); i++) {
          PodDisruptionBudget pdb = pdbs.get(i);
          if (!pdb.getMetadata().getNamespace().equals(p.getMetadata().getNamespace())) {
            continue;
          }
          var selector = pdb.getSpec() == null ? null : pdb.getSpec().getSelector();
          if (selector == null || LabelSelectors.isEmpty(selector) || !LabelSelectors.matches(selector, labels)) {
            continue;
          }
          var disrupted = pdb.getStatus() == null ? null : pdb.getStatus().getDisruptedPods();
          if (disrupted != null && disrupted.containsKey(p.getMetadata().getName())) {
            continue;
          }
          allowed[i]--;
          if (allowed[i] < 0) {
            violated = true;
          }
        }
      }
      (violated ? violating : nonViolating).add(p);
    }
    return List.of(violating, nonViolating);
  }
}
