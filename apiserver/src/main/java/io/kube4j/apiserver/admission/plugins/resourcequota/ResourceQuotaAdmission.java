package io.kube4j.apiserver.admission.plugins.resourcequota;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatus;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.ValidatingAdmission;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.UpdateTarget;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ResourceQuota admission plugin, last in the chain: for each quota of the namespace that
 * tracks what the new object uses, refuses the create when the quota would be exceeded, else adds
 * the usage to the quota's {@code status.used} (compare-and-swap through the store, re-checked on
 * a conflict) before the object is written.
 */
public final class ResourceQuotaAdmission implements ValidatingAdmission {

  private final Store<ResourceQuota> quotas;
  private final Function<String, List<String>> quotaNames;

  /**
   * @param quotaNames the names of a namespace's quotas (from the watch cache)
   */
  public ResourceQuotaAdmission(Store<ResourceQuota> quotas, Function<String, List<String>> quotaNames) {
    this.quotas = quotas;
    this.quotaNames = quotaNames;
  }

  @Override
  public String name() {
    return "ResourceQuota";
  }

  @Override
  public boolean handles(Attributes.Operation operation) {
    return operation == Attributes.Operation.CREATE;
  }

  @Override
  public void validate(Attributes a) {
    if (a.namespace().isEmpty() || a.object().isEmpty() || !a.subresource().isEmpty() || a.dryRun()) {
      return;
    }
    Map<String, BigDecimal> requested = QuotaUsage.of(a.resource(), a.object().get());
    String name = a.object().get().getMetadata().getName();
    for (String quota : quotaNames.apply(a.namespace())) {
      quotas.update(a.namespace(), quota, q -> charge(q, requested, a, name), UpdateTarget.STATUS, false);
    }
  }

  /** The quota with the request added, or a Forbidden naming what it would exceed. */
  private static ResourceQuota charge(ResourceQuota q, Map<String, BigDecimal> requested, Attributes a, String name) {
    Map<String, Quantity> hard = q.getSpec() == null || q.getSpec().getHard() == null ? Map.of() : q.getSpec().getHard();
    ResourceQuotaStatus status = q.getStatus() == null ? new ResourceQuotaStatus() : q.getStatus();
    Map<String, Quantity> used = status.getUsed() == null ? new HashMap<>() : new HashMap<>(status.getUsed());
    Map<String, BigDecimal> charged = new TreeMap<>();
    Map<String, BigDecimal> exceeded = new TreeMap<>();
    for (Map.Entry<String, Quantity> h : hard.entrySet()) {
      BigDecimal want = requested.get(h.getKey());
      if (want == null) {
        continue;
      }
      BigDecimal now = used.containsKey(h.getKey()) ? Quantity.getAmountInBytes(used.get(h.getKey())) : BigDecimal.ZERO;
      charged.put(h.getKey(), now.add(want));
      if (now.add(want).compareTo(Quantity.getAmountInBytes(h.getValue())) > 0) {
        exceeded.put(h.getKey(), now);
      }
    }
    if (!exceeded.isEmpty()) {
      throw StatusException.forbidden(a.resource().groupResource(), name == null ? "" : name, "exceeded quota: "
          + q.getMetadata().getName() + ", requested: " + pretty(exceeded, k -> requested.get(k)) + ", used: "
          + pretty(exceeded, exceeded::get) + ", limited: " + pretty(exceeded, k -> Quantity.getAmountInBytes(hard.get(k))));
    }
    charged.forEach((k, v) -> used.put(k, new Quantity(QuotaUsage.format(v))));
    status.setUsed(used);
    status.setHard(hard);
    q.setStatus(status);
    return q;
  }

  /** {@code prettyPrint}: {@code pods=1,requests.cpu=500m}, sorted by name. */
  private static String pretty(Map<String, BigDecimal> keys, Function<String, BigDecimal> value) {
    return keys.keySet().stream().map(k -> k + "=" + QuotaUsage.format(value.apply(k)))
        .collect(Collectors.joining(","));
  }
}
