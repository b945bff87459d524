package io.kube4j.agent.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code canAdmitPod} with the predicate admit handler (pkg/kubelet/lifecycle/predicate.go): a pod
 * bound to this node is run only if it fits beside the pods already admitted. The first resource
 * that does not fit names the rejection, as upstream: {@code OutOfpods}, {@code OutOfcpu},
 * {@code OutOfmemory}, {@code OutOfephemeral-storage}.
 *
 * <p>Worked example: allocatable cpu 4 (4000m), admitted pods request 3500m, a new pod asks 1
 * (1000m): 1000 &gt; 4000 − 3500, so "Node didn't have enough resource: cpu, requested: 1000,
 * used: 3500, capacity: 4000".
 */
final class PredicateAdmitHandler {

  /** A pod admitted or not, with kubelet's reason and message. */
  record Result(boolean admit, String reason, String message) {
    static final Result ADMIT = new Result(true, "", "");
  }

  private PredicateAdmitHandler() {}

  static Result admit(Pod pod, List<Pod> admitted, Node node) {
    Map<String, Quantity> allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
    if (allocatable == null) {
      return new Result(false, "InvalidNodeInfo", "Kubelet cannot get node info.");
    }
    String os = node.getMetadata().getLabels() == null ? null : node.getMetadata().getLabels().get("kubernetes.io/os");
    String podOs = pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get("kubernetes.io/os");
    if (podOs != null && !podOs.equals(os)) {
      return new Result(false, "PodOSSelectorNodeLabelDoesNotMatch",
          "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label");
    }
    long allowedPods = value(allocatable, "pods", false);
    if (admitted.size() + 1 > allowedPods) {
      return insufficient("pods", "OutOfpods", 1, admitted.size(), allowedPods);
    }
    for (String[] r : new String[][] {{"cpu", "OutOfcpu"}, {"memory", "OutOfmemory"},
        {"ephemeral-storage", "OutOfephemeral-storage"}}) {
      boolean milli = r[0].equals("cpu");
      long requested = request(pod, r[0], milli);
      if (requested == 0) {
        continue;
      }
      long used = admitted.stream().mapToLong(p -> request(p, r[0], milli)).sum();
      long capacity = value(allocatable, r[0], milli);
      if (requested > capacity - used) {
        return insufficient(r[0], r[1], requested, used, capacity);
      }
    }
    return Result.ADMIT;
  }

  private static Result insufficient(String resource, String reason, long requested, long used, long capacity) {
    return new Result(false, reason, "Node didn't have enough resource: " + resource + ", requested: " + requested
        + ", used: " + used + ", capacity: " + capacity);
  }

  /**
   * The pod's effective request of {@code resource} (resourcehelper.PodRequests): the sum over app
   * containers, or the largest init container's if that is more, plus the pod overhead. Sidecars are
   * counted as app containers.
   */
  static long request(Pod pod, String resource, boolean milli) {
    long apps = 0;
    long initMax = 0;
    long sidecars = 0;
    for (Container c : pod.getSpec().getContainers()) {
      apps += containerRequest(c, resource, milli);
    }
    for (Container c : Optional.ofNullable(pod.getSpec().getInitContainers()).orElse(List.of())) {
      long r = containerRequest(c, resource, milli);
      if ("Always".equals(c.getRestartPolicy())) {
        sidecars += r;
        initMax = Math.max(initMax, sidecars);
      } else {
        initMax = Math.max(initMax, sidecars + r);
      }
    }
    long overhead = pod.getSpec().getOverhead() == null ? 0 : value(pod.getSpec().getOverhead(), resource, milli);
    return Math.max(apps + sidecars, initMax) + overhead;
  }

  private static long containerRequest(Container c, String resource, boolean milli) {
    if (c.getResources() == null) {
      return 0;
    }
    Map<String, Quantity> requests = c.getResources().getRequests();
    if (requests != null && requests.containsKey(resource)) {
      return value(requests, resource, milli);
    }
    // a limit without a request defaults the request (done by the apiserver; repeated for safety)
    Map<String, Quantity> limits = c.getResources().getLimits();
    return limits != null && limits.containsKey(resource) ? value(limits, resource, milli) : 0;
  }

  private static long value(Map<String, Quantity> list, String resource, boolean milli) {
    Quantity q = list.get(resource);
    if (q == null) {
      return 0;
    }
    BigDecimal amount = q.getNumericalAmount();
    return (milli ? amount.multiply(BigDecimal.valueOf(1000)) : amount).setScale(0, java.math.RoundingMode.CEILING)
        .longValueExact();
  }
}
