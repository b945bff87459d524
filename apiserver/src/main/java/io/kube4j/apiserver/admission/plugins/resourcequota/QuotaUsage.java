package io.kube4j.apiserver.admission.plugins.resourcequota;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.kube4j.apiserver.registry.ApiResource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one object uses of a quota ({@code Evaluator.Usage} upstream): counts and compute resources. */
final class QuotaUsage {

  /** The resources with a short count name ({@code pods}, not only {@code count/pods}). */
  private static final Map<String, String> COUNTED = Map.of("pods", "pods", "services", "services",
      "configmaps", "configmaps", "secrets", "secrets", "persistentvolumeclaims", "persistentvolumeclaims",
      "replicationcontrollers", "replicationcontrollers", "resourcequotas", "resourcequotas");

  private QuotaUsage() {}

  static Map<String, BigDecimal> of(ApiResource r, HasMetadata obj) {
    Map<String, BigDecimal> out = new HashMap<>();
    String count = r.group().isEmpty() ? "count/" + r.resource() : "count/" + r.resource() + "." + r.group();
    out.put(count, BigDecimal.ONE);
    if (r.group().isEmpty() && COUNTED.containsKey(r.resource())) {
      out.put(COUNTED.get(r.resource()), BigDecimal.ONE);
    }
    if (obj instanceof Pod pod && pod.getSpec() != null) {
      for (Container c : pod.getSpec().getContainers() == null ? List.<Container>of() : pod.getSpec().getContainers()) {
        if (c.getResources() == null) {
          continue;
        }
        add(out, c.getResources().getRequests(), "requests.", true);
        add(out, c.getResources().getLimits(), "limits.", false);
      }
    }
    if (obj instanceof Service svc && svc.getSpec() != null) {
      if ("NodePort".equals(svc.getSpec().getType())) {
        out.put("services.nodeports", BigDecimal.ONE);
      } else if ("LoadBalancer".equals(svc.getSpec().getType())) {
        out.put("services.loadbalancers", BigDecimal.ONE);
      }
    }
    if (obj instanceof PersistentVolumeClaim pvc && pvc.getSpec() != null && pvc.getSpec().getResources() != null
        && pvc.getSpec().getResources().getRequests() != null) {
      Quantity storage = pvc.getSpec().getResources().getRequests().get("storage");
      if (storage != null) {
        out.merge("requests.storage", Quantity.getAmountInBytes(storage), BigDecimal::add);
      }
    }
    return out;
  }

  /** cpu and memory requests also count under their bare names ({@code cpu}, {@code memory}). */
  private static void add(Map<String, BigDecimal> out, Map<String, Quantity> list, String prefix, boolean bare) {
    if (list == null) {
      return;
    }
    list.forEach((k, q) -> {
      if (k.equals("cpu") || k.equals("memory") || k.equals("ephemeral-storage")) {
        BigDecimal v = Quantity.getAmountInBytes(q);
        out.merge(prefix + k, v, BigDecimal::add);
        if (bare) {
          out.merge(k, v, BigDecimal::add);
        }
      }
    });
  }

  /** A quantity as a quota shows it: whole numbers plain, fractions of a core in milli ({@code 500m}). */
  static String format(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.scale() <= 0) {
      return s.toPlainString();
    }
    BigDecimal milli = s.multiply(BigDecimal.valueOf(1000));
    if (milli.stripTrailingZeros().scale() <= 0) {
      return milli.setScale(0, RoundingMode.UNNECESSARY).toPlainString() + "m";
    }
    return s.toPlainString();
  }
}
