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

  /** The plugins that rejected a node (upstream's {@code UnschedulablePlugins}), for the queue's move events. */
  public java.util.Set<String> unschedulablePlugins() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    nodeToStatus.values().forEach(s -> {
      if (!s.plugin().isEmpty()) {
        out.add(s.plugin());
      }
    });
    return out;
  }

  public Diagnosis withPostFilterMsg(String msg) {
    return new Diagnosis(nodeToStatus, preFilterMsg, msg);
  }
}
