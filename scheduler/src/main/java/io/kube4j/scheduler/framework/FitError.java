package io.kube4j.scheduler.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod fits no node: the error behind {@code FailedScheduling}, formatted as upstream's
 * {@code FitError.Error()}. Each reason is counted over the rejected nodes and the
 * {@code "<count> <reason>"} strings are sorted as strings, so with three nodes:
 * {@code 0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu.}
 */
public final class FitError extends Exception {

  public static final String NO_NODE_AVAILABLE_MSG = "0/%d nodes are available";
  /** {@code ErrNoNodesAvailable}: what upstream says when the cluster has no node at all. */
  public static final String NO_NODES_AVAILABLE = "no nodes available to schedule pods";

  private final int numAllNodes;
  private final Diagnosis diagnosis;

  public FitError(int numAllNodes, Diagnosis diagnosis) {
    super(null, null, false, false);
    this.numAllNodes = numAllNodes;
    this.diagnosis = diagnosis;
  }

  public Diagnosis diagnosis() {
    return diagnosis;
  }

  public int numAllNodes() {
    return numAllNodes;
  }

  public FitError withPostFilterMsg(String msg) {
    return new FitError(numAllNodes, diagnosis.withPostFilterMsg(msg));
  }

  @Override
  public String getMessage() {
    if (numAllNodes == 0) {
      return NO_NODES_AVAILABLE;
    }
    StringBuilder msg = new StringBuilder(String.format(NO_NODE_AVAILABLE_MSG, numAllNodes)).append(':');
    if (diagnosis.preFilterMsg() != null && !diagnosis.preFilterMsg().isEmpty()) {
      return msg.append(' ').append(diagnosis.preFilterMsg()).append('.').toString();
    }
    List<String> histogram = histogram(diagnosis.nodeToStatus());
    if (!histogram.isEmpty()) {
      msg.append(' ').append(String.join(", ", histogram)).append('.');
    }
    if (diagnosis.postFilterMsg() != null && !diagnosis.postFilterMsg().isEmpty()) {
      msg.append(' ').append(diagnosis.postFilterMsg()).append('.');
    }
    return msg.toString();
  }

  private static List<String> histogram(Map<String, Status> nodeToStatus) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Status s : nodeToStatus.values()) {
      for (String reason : s.reasons()) {
        counts.merge(reason, 1, Integer::sum);
      }
    }
    List<String> out = new ArrayList<>();
    counts.forEach((reason, n) -> out.add(n + " " + reason));
    out.sort(null);  // as Go's sort.Strings: "10 x" sorts before "2 y"
    return out;
  }
}
