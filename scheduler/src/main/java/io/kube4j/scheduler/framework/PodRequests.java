package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pod asks of a node, as component-helpers' {@code resource.PodRequests}:
 * {@code max(sum(containers) + sidecars, max(each init container + the sidecars started before it)) + overhead}.
 *
 * <p>Worked example: containers of 100m and 200m, init containers of 500m and 100m, overhead 50m:
 * {@code max(300m, 500m) + 50m = 550m}. Init containers run one at a time before the app containers,
 * so only the largest counts; a sidecar (an init container with {@code restartPolicy: Always}) keeps
 * running, so it adds to everything after it.
 */
public final class PodRequests {

  /** Upstream's {@code DefaultMilliCPURequest}: what a container without a CPU request counts as when scoring. */
  public static final long DEFAULT_MILLI_CPU_REQUEST = 100;
  /** Upstream's {@code DefaultMemoryRequest}: 200 MiB. */
  public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

  private PodRequests() {}

  /** The pod's requests, for filtering and for the node's {@code Requested}. */
  public static Resource of(Pod pod) {
    return compute(pod, false);
  }

  /**
   * The pod's requests with a container's missing CPU or memory request counted as 100m / 200Mi
   * ({@code NonMissingContainerRequests}), for scoring: otherwise pods without requests would all
   * pile onto the same "empty" node.
   */
  public static Resource nonZero(Pod pod) {
    return compute(pod, true);
  }

  private static Resource compute(Pod pod, boolean nonMissing) {
    var spec = pod.getSpec();
    Resource containers = Resource.ZERO;
    for (Container c : list(spec.getContainers())) {
      containers = containers.plus(container(c, nonMissing));
    }
    Resource sidecars = Resource.ZERO;
    Resource initMax = Resource.ZERO;
    for (Container c : list(spec.getInitContainers())) {
      Resource r = container(c, nonMissing);
      if ("Always".equals(c.getRestartPolicy())) {
        sidecars = sidecars.plus(r);
        initMax = initMax.max(sidecars);
      } else {
        initMax = initMax.max(sidecars.plus(r));
      }
    }
    Resource total = containers.plus(sidecars).max(initMax);
    if (spec.getOverhead() != null) {
      total = total.plus(Resource.of(spec.getOverhead()));
    }
    return total;
  }

  private static Resource container(Container c, boolean nonMissing) {
    Map<String, Quantity> requests = new HashMap<>();
    ResourceRequirements rr = c.getResources();
    if (rr != null && rr.getLimits() != null) {
      requests.putAll(rr.getLimits());  // a limit without a request is the request, as API defaulting makes it
    }
    if (rr != null && rr.getRequests() != null) {
      requests.putAll(rr.getRequests());
    }
    if (nonMissing) {
      requests.putIfAbsent(Resource.CPU, new Quantity(DEFAULT_MILLI_CPU_REQUEST + "m"));
      requests.putIfAbsent(Resource.MEMORY, new Quantity(Long.toString(DEFAULT_MEMORY_REQUEST)));
    }
    return Resource.of(requests);
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
