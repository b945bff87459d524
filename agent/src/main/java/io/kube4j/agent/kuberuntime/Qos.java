package io.kube4j.agent.kuberuntime;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pod's quality-of-service class and what follows from it: which cgroup it lives under and how
 * readily the kernel's OOM killer picks its containers. After {@code pkg/apis/core/v1/helper/qos}
 * and {@code pkg/kubelet/qos/policy.go}; see
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/.
 */
public enum Qos {
  /** Every container has cpu and memory limits equal to its requests. */
  GUARANTEED("Guaranteed"),
  /** Some request or limit, but not Guaranteed. */
  BURSTABLE("Burstable"),
  /** No cpu or memory request or limit anywhere. */
  BEST_EFFORT("BestEffort");

  /** The pause container's score: the sandbox should outlive its containers. */
  public static final int POD_INFRA_OOM_ADJ = -998;
  public static final int GUARANTEED_OOM_SCORE_ADJ = -997;
  public static final int BEST_EFFORT_OOM_SCORE_ADJ = 1000;
  private static final Set<String> QOS_RESOURCES = Set.of("cpu", "memory");

  private final String apiName;

  Qos(String apiName) {
    this.apiName = apiName;
  }

  /** As in {@code status.qosClass}. */
  public String apiName() {
    return apiName;
  }

  /**
   * The class from the requests and limits of all containers, init containers included. A
   * request missing where a limit is set counts as the limit, as the apiserver's defaulting makes it.
   */
  public static Qos of(Pod pod) {
    Map<String, BigDecimal> requests = new HashMap<>();
    Map<String, BigDecimal> limits = new HashMap<>();
    boolean guaranteed = true;
    List<Container> all = new ArrayList<>(pod.getSpec().getContainers());
    if (pod.getSpec().getInitContainers() != null) {
      all.addAll(pod.getSpec().getInitContainers());
    }
    for (Container c : all) {
      Map<String, Quantity> req = new HashMap<>(c.getResources() == null || c.getResources().getRequests() == null
          ? Map.of() : c.getResources().getRequests());
      Map<String, Quantity> lim = c.getResources() == null || c.getResources().getLimits() == null
          ? Map.of() : c.getResources().getLimits();
      lim.forEach(req::putIfAbsent);
      req.forEach((name, q) -> addPositive(requests, name, q));
      Set<String> limitsFound = new java.util.HashSet<>();
      lim.forEach((name, q) -> {
        if (addPositive(limits, name, q)) {
          limitsFound.add(name);
        }
      });
      if (!limitsFound.containsAll(QOS_RESOURCES)) {
        guaranteed = false;
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return BEST_EFFORT;
    }
    if (guaranteed) {
      for (var e : requests.entrySet()) {
        BigDecimal limit = limits.get(e.getKey());
        if (limit == null || limit.compareTo(e.getValue()) != 0) {
          guaranteed = false;
          break;
        }
      }
    }
    return guaranteed && requests.size() == limits.size() ? GUARANTEED : BURSTABLE;
  }

  private static boolean addPositive(Map<String, BigDecimal> sum, String name, Quantity q) {
    if (!QOS_RESOURCES.contains(name)) {
      return false;
    }
    BigDecimal amount = Quantity.getAmountInBytes(q);
    if (amount.signum() <= 0) {
      return false;
    }
    sum.merge(name, amount, BigDecimal::add);
    return true;
  }

  /**
   * The container's oom_score_adj. Guaranteed -997 and BestEffort 1000; Burstable in between by the
   * share of the node's memory it requests: 1000 - 1000 × request / capacity, kept within [3, 999].
   * Worked example: requesting 1 GiB on an 8 GiB node → 1000 - 125 = 875; requesting nothing
   * (only a cpu request) → 1000, lowered to 999 so it still outlives best-effort containers;
   * requesting the whole node → 0, raised to 3 (above a Guaranteed container's -997 + 1000).
   */
  public static int containerOomScoreAdj(Pod pod, Container container, long memoryCapacity) {
    Qos qos = of(pod);
    if (qos == GUARANTEED || isNodeCritical(pod)) {
      return GUARANTEED_OOM_SCORE_ADJ;
    }
    if (qos == BEST_EFFORT) {
      return BEST_EFFORT_OOM_SCORE_ADJ;
    }
    Map<String, Quantity> requests = container.getResources() == null ? null : container.getResources().getRequests();
    long memoryRequest = LinuxResources.value(requests == null ? null : requests.get("memory"));
    long adjust = 1000 - (1000 * memoryRequest) / memoryCapacity;
    if (adjust < 1000 + GUARANTEED_OOM_SCORE_ADJ) {
      return 1000 + GUARANTEED_OOM_SCORE_ADJ;
    }
    if (adjust == BEST_EFFORT_OOM_SCORE_ADJ) {
      return (int) adjust - 1;
    }
    return (int) adjust;
  }

  /** system-node-critical pods (and static pods marked critical) are the last to be killed. */
  private static boolean isNodeCritical(Pod pod) {
    return "system-node-critical".equals(pod.getSpec().getPriorityClassName());
  }

  /**
   * The pod's cgroup parent under the cgroupfs driver: {@code <root>/kubepods/pod<uid>} for
   * Guaranteed, {@code <root>/kubepods/burstable/pod<uid>} and {@code .../besteffort/pod<uid>},
   * as kubelet's QoS cgroup hierarchy lays it out.
   */
  public static String podCgroupParent(Pod pod, String cgroupRoot) {
    String base = (cgroupRoot.endsWith("/") ? cgroupRoot : cgroupRoot + "/") + "kubepods";
    String tier = switch (of(pod)) {
      case GUARANTEED -> "";
      case BURSTABLE -> "/burstable";
      case BEST_EFFORT -> "/besteffort";
    };
    return base + tier + "/pod" + pod.getMetadata().getUid();
  }
}
