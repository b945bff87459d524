package io.kube4j.scheduler.framework;

import java.util.Map;

/**
 * Why a pod fits nowhere (upstream's {@code framework.Diagnosis}): each rejected node's status, the
 * message of a PreFilter that rejected the pod before any node was looked at, and what PostFilter
 * (preemption) added.
 */
public record Diagnosis(Map<String, Status> nodeToStatus, String preFilterMsg, String postFilterMsg) {

  public Diagnosis {
    nodeToStatus = Map.copyOf(nodeToStatus);
  }

  public Diagnosis withPostFilterMsg(String msg) {
    return new Diagnosis(nodeToStatus, preFilterMsg, msg);
  }
}
