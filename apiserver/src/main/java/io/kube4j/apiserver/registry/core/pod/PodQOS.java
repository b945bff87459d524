package io.kube4j.apiserver.registry.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.apiserver.validation.core.Quantities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pod's quality-of-service class, set once at creation ({@code qos.GetPodQOS}): {@code Guaranteed} when
 * every container limits cpu and memory and requests equal limits, {@code BestEffort} when nothing is
 * requested or limited, else {@code Burstable}. Only cpu and memory count.
 *
 * <p>Worked example: one container with {@code limits: {cpu: 1, memory: 1Gi}} and no requests is
 * Guaranteed, because defaulting copied the limits into the requests; add a second container with only
 * {@code requests: {cpu: 100m}} and the pod becomes Burstable (that container has no limits).
 */
public final class PodQOS {

  private static final Set<String> QOS_RESOURCES = Set.of("cpu", "memory");

  private PodQOS() {}

  public static String getPodQOS(Pod pod) {
    if (pod.getStatus() != null && pod.getStatus().getQosClass() != null && !pod.getStatus().getQosClass().isEmpty()) {
      return pod.getStatus().getQosClass();
    }
    return computePodQOS(pod);
  }

  public static String computePodQOS(Pod pod) {
    Map<String, BigDecimal> requests = new HashMap<>();
    Map<String, BigDecimal> limits = new HashMap<>();
    boolean guaranteed = true;
    List<Container> all = new ArrayList<>();
    if (pod.getSpec() != null) {
      if (pod.getSpec().getContainers() != null) {
        all.addAll(pod.getSpec().getContainers());
      }
      if (pod.getSpec().getInitContainers() != null) {
        all.addAll(pod.getSpec().getInitContainers());
      }
    }
    for (Container c : all) {
      Map<String, Quantity> req = c.getResources() == null ? null : c.getResources().getRequests();
      Map<String, Quantity> lim = c.getResources() == null ? null : c.getResources().getLimits();
      sumPositive(req, requests, null);
      Set<String> limitsFound = new HashSet<>();
      sumPositive(lim, limits, limitsFound);
      if (!limitsFound.containsAll(QOS_RESOURCES)) {
        guaranteed = false;
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return "BestEffort";
    }
    if (guaranteed) {
      for (Map.Entry<String, BigDecimal> e : requests.entrySet()) {
        BigDecimal l = limits.get(e.getKey());
        if (l == null || l.compareTo(e.getValue()) != 0) {
          guaranteed = false;
          break;
        }
      }
    }
    return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
  }

  private static void sumPositive(Map<String, Quantity> list, Map<String, BigDecimal> into, Set<String> found) {
    if (list == null) {
      return;
    }
    list.forEach((name, q) -> {
      if (!QOS_RESOURCES.contains(name)) {
        return;
      }
      BigDecimal v = Quantities.valueOrZero(q);
      if (v.signum() > 0) {
        if (found != null) {
          found.add(name);
        }
        into.merge(name, v, BigDecimal::add);
      }
    });
  }
}
