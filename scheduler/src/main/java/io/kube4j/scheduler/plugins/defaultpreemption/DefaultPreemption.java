package io.kube4j.scheduler.plugins.defaultpreemption;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.Diagnosis;
import io.kube4j.scheduler.framework.FitError;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PostFilterPlugin;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Preemption, as upstream's {@code Evaluator.Preempt}: is the pod allowed to preempt; on which nodes
 * would evicting lower-priority pods make it fit (a dry run per node on copies of the node and the
 * cycle state); which of those nodes is best ({@link Candidate#pickOne}); then the victims are
 * deleted and the pod is nominated to the node. It is not bound now: it is retried once the victims
 * are gone.
 */
public final class DefaultPreemption implements PostFilterPlugin {

  public static final String NAME = "DefaultPreemption";
  static final String NOT_ELIGIBLE_NEVER = "not eligible due to preemptionPolicy=Never.";
  static final String NOT_ELIGIBLE_TERMINATING = "not eligible due to a terminating pod on the nominated node.";
  static final String NO_VICTIMS = "No preemption victims found for incoming pod";
  static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
  /** Upstream's {@code MinCandidateNodesPercentage} and {@code MinCandidateNodesAbsolute} defaults. */
  static final int MIN_CANDIDATE_NODES_PERCENTAGE = 10;
  static final int MIN_CANDIDATE_NODES_ABSOLUTE = 100;

  private final Handle handle;
  private final VictimDeleter deleter;
  private final Random random = new Random();

  public DefaultPreemption(Handle handle) {
    this(handle, new VictimDeleter(handle));
  }

  DefaultPreemption(Handle handle, VictimDeleter deleter) {
    this.handle = handle;
    this.deleter = deleter;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Result postFilter(CycleState state, Pod pod, Map<String, Status> filteredNodeStatus) {
    Result r = preempt(state, pod, filteredNodeStatus);
    if (!r.status().isSuccess() && !r.status().reasons().isEmpty()) {
      return new Result(r.nominatedNodeName(), new Status(r.status().code(), List.of("preemption: " + r.status().message()), NAME));
    }
    return r;
  }

  private Result preempt(CycleState state, Pod pod, Map<String, Status> filteredNodeStatus) {
    Optional<String> notEligible = podEligibleToPreemptOthers(pod, filteredNodeStatus);
    if (notEligible.isPresent()) {
      return new Result(Optional.empty(), Status.unschedulable(notEligible.get()));
    }
    List<NodeInfo> allNodes = handle.snapshotNodes();
    Map<String, Status> nodeStatuses = new HashMap<>();
    List<NodeInfo> potential = new ArrayList<>();
    for (NodeInfo n : allNodes) {
      Status s = filteredNodeStatus.get(n.name());
      // a node the filters did not look at, or rejected for good, cannot be helped by evictions
      if (s == null || s.code() == Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
        nodeStatuses.put(n.name(), Status.unschedulableAndUnresolvable(NOT_HELPFUL));
      } else {
        potential.add(n);
      }
    }
    List<Candidate> candidates = potential.isEmpty() ? List.of() : dryRunPreemption(state, pod, potential, nodeStatuses);
    if (candidates.isEmpty()) {
      // "" clears a nomination made by an earlier attempt
      String msg = new FitError(allNodes.size(), new Diagnosis(nodeStatuses, "", "")).getMessage();
      return new Result(Optional.of(""), Status.unschedulable(msg));
    }
    Candidate best = Candidate.pickOne(candidates);
    Status prepared = deleter.prepareCandidate(best, pod);
    if (!prepared.isSuccess()) {
      return new Result(Optional.empty(), prepared);
    }
    return new Result(Optional.of(best.name()), Status.success());
  }

  /**
   * A pod with {@code preemptionPolicy: Never} waits instead. A pod already nominated to a node where
   * a lower-priority victim is still terminating waits for it rather than evicting more.
   */
  Optional<String> podEligibleToPreemptOthers(Pod pod, Map<String, Status> filteredNodeStatus) {
    if ("Never".equals(pod.getSpec().getPreemptionPolicy())) {
      return Optional.of(NOT_ELIGIBLE_NEVER);
    }
    String nominated = pod.getStatus() == null ? null : pod.getStatus().getNominatedNodeName();
    if (nominated != null && !nominated.isEmpty()) {
      Status s = filteredNodeStatus.get(nominated);
      if (s != null && s.code() == Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
        return Optional.empty();
      }
      Optional<NodeInfo> node = handle.snapshotNode(nominated);
      if (node.isPresent() && node.get().pods().stream()
          .anyMatch(p -> Candidate.priority(p) < Candidate.priority(pod) && VictimDeleter.terminatingByPreemption(p))) {
        return Optional.of(NOT_ELIGIBLE_TERMINATING);
      }
    }
    return Optional.empty();
  }

  /**
   * Tries each potential node (from a random offset, as upstream, so that not always the same nodes
   * are disturbed) until enough candidates are found: 10% of the nodes, at least 100.
   */
  private List<Candidate> dryRunPreemption(CycleState state, Pod pod, List<NodeInfo> potential,
      Map<String, Status> nodeStatuses) {
    List<PodDisruptionBudget> pdbs = handle.listers().list(PodDisruptionBudget.class, null);
    int numCandidates = calculateNumCandidates(potential.size());
    int offset = random.nextInt(potential.size());
    List<Candidate> nonViolating = new ArrayList<>();
    List<Candidate> violating = new ArrayList<>();
    for (int i = 0; i < potential.size(); i++) {
      NodeInfo node = potential.get((offset + i) % potential.size()).copy();
      CycleState stateCopy = state.copy();
      SelectVictims.Result r = SelectVictims.onNode(handle.filterRunner(), stateCopy, pod, node, pdbs);
      if (r.status().isSuccess()) {
        Candidate c = new Candidate(node.name(), r.victims(), r.numPdbViolations());
        (c.numPdbViolations() == 0 ? nonViolating : violating).add(c);
        if (!nonViolating.isEmpty() && nonViolating.size() + violating.size() >= numCandidates) {
          break;
        }
      } else {
        nodeStatuses.put(node.name(), r.status());
      }
    }
    List<Candidate> out = new ArrayList<>(nonViolating);
    out.addAll(violating);
    return out;
  }

  /** Worked example: 50 nodes → 10% is 5, raised to 100, capped at 50 → all 50; 5,000 nodes → 500. */
  static int calculateNumCandidates(int numNodes) {
    int n = numNodes * MIN_CANDIDATE_NODES_PERCENTAGE / 100;
    return Math.min(Math.max(n, MIN_CANDIDATE_NODES_ABSOLUTE), numNodes);
  }
}
