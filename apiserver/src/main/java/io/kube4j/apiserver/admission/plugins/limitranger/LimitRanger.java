package io.kube4j.apiserver.admission.plugins.limitranger;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.MutatingAdmission;
import io.kube4j.apiserver.admission.ValidatingAdmission;
import io.kube4j.apiserver.api.StatusException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The LimitRanger admission plugin, for pods (upstream's only kind). */
public final class LimitRanger implements MutatingAdmission, ValidatingAdmission {

  private final Function<String, List<LimitRange>> limitRanges;

  /**
   * @param limitRanges the LimitRanges of a namespace
   */
  public LimitRanger(Function<String, List<LimitRange>> limitRanges) {
    this.limitRanges = limitRanges;
  }

  @Override
  public String name() {
    return "LimitRanger";
  }

  @Override
  public boolean handles(Attributes.Operation operation) {
    return operation == Attributes.Operation.CREATE || operation == Attributes.Operation.UPDATE;
  }

  /** Defaults: each container gets the Container-type {@code default} limits and {@code defaultRequest}s it lacks. */
  @Override
  public Attributes admit(Attributes a) {
    if (!applies(a)) {
      return a;
    }
    Pod pod = (Pod) a.object().orElseThrow();
    Map<String, Quantity> limits = new TreeMap<>();
    Map<String, Quantity> requests = new TreeMap<>();
    for (LimitRange lr : limitRanges.apply(a.namespace())) {
      for (LimitRangeItem item : items(lr)) {
        if ("Container".equals(item.getType())) {
          orEmpty(item.getDefault()).forEach(limits::putIfAbsent);
          orEmpty(item.getDefaultRequest()).forEach(requests::putIfAbsent);
        }
      }
    }
    if (limits.isEmpty() && requests.isEmpty() || pod.getSpec() == null) {
      return a;
    }
    List<String> notes = new ArrayList<>();
    for (Container c : orEmpty(pod.getSpec().getContainers())) {
      ResourceRequirements r = c.getResources() == null ? new ResourceRequirements() : c.getResources();
      Map<String, Quantity> lim = r.getLimits() == null ? new HashMap<>() : new HashMap<>(r.getLimits());
      Map<String, Quantity> req = r.getRequests() == null ? new HashMap<>() : new HashMap<>(r.getRequests());
      List<String> setLimits = new ArrayList<>();
      List<String> setRequests = new ArrayList<>();
      limits.forEach((k, v) -> {
        if (lim.putIfAbsent(k, v) == null) {
          setLimits.add(k);
        }
      });
      requests.forEach((k, v) -> {
        if (req.putIfAbsent(k, v) == null) {
          setRequests.add(k);
        }
      });
      r.setLimits(lim);
      r.setRequests(req);
      c.setResources(r);
      if (!setRequests.isEmpty()) {
        notes.add(String.join(", ", setRequests) + " request for container " + c.getName());
      }
      if (!setLimits.isEmpty()) {
        notes.add(String.join(", ", setLimits) + " limit for container " + c.getName());
      }
    }
    if (!notes.isEmpty()) {
      Map<String, String> annotations = pod.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(pod.getMetadata().getAnnotations());
      annotations.put("kubernetes.io/limit-ranger", "LimitRanger plugin set: " + String.join("; ", notes));
      pod.getMetadata().setAnnotations(annotations);
    }
    return a;
  }

  /** Constraints: min, max and maxLimitRequestRatio per Container and per Pod ({@code PodLimitFunc}). */
  @Override
  public void validate(Attributes a) {
    if (!applies(a)) {
      return;
    }
    Pod pod = (Pod) a.object().orElseThrow();
    List<String> errors = new ArrayList<>();
    List<Container> containers = pod.getSpec() == null ? List.of() : orEmpty(pod.getSpec().getContainers());
    for (LimitRange lr : limitRanges.apply(a.namespace())) {
      for (LimitRangeItem item : items(lr)) {
        if ("Container".equals(item.getType())) {
          for (Container c : containers) {
            ResourceRequirements r = c.getResources() == null ? new ResourceRequirements() : c.getResources();
            Constraints.check("Container", item, orEmpty(r.getRequests()), orEmpty(r.getLimits()), errors);
          }
        } else if ("Pod".equals(item.getType())) {
          Constraints.check("Pod", item, Constraints.sum(containers, ResourceRequirements::getRequests),
              Constraints.sum(containers, ResourceRequirements::getLimits), errors);
        }
      }
    }
    if (!errors.isEmpty()) {
      String name = pod.getMetadata() == null ? "" : pod.getMetadata().getName();
      throw StatusException.forbidden(a.resource().groupResource(), name,
          errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]");
    }
  }

  private static boolean applies(Attributes a) {
    return a.pod().isPresent();
  }

  private static List<LimitRangeItem> items(LimitRange lr) {
    return lr.getSpec() == null ? List.of() : orEmpty(lr.getSpec().getLimits());
  }

  static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  static Map<String, Quantity> orEmpty(Map<String, Quantity> m) {
    return m == null ? Map.of() : m;
  }

  static BigDecimal value(Quantity q) {
    return Quantity.getAmountInBytes(q);
  }
}
