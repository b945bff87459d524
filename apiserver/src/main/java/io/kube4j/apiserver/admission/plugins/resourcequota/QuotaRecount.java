package io.kube4j.apiserver.admission.plugins.resourcequota;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatus;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.UpdateTarget;
import io.kube4j.apiserver.watch.CacheInformer;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.apiserver.watch.SelectionPredicate;
import io.kube4j.apiserver.watch.WatchEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps quotas' {@code status.used} true ({@code ResourceQuotaController} upstream, run inside the
 * apiserver here): a new or changed quota, and every deletion of a counted object, makes its
 * namespace's quotas be recounted from the watch caches. Admission charges creates as they come;
 * this gives back what deletions free and corrects what a failed write left charged.
 */
public final class QuotaRecount implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(QuotaRecount.class.getName());
  private static final List<String> WATCHED = List.of("pods", "services", "configmaps", "secrets",
      "persistentvolumeclaims", "replicationcontrollers");

  private final Store<ResourceQuota> quotas;
  private final BiFunction<String, String, Optional<Store<?>>> stores;
  private final List<CacheInformer> informers = new ArrayList<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "resourcequota-recount");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param stores a store by group and resource, if served
   */
  public QuotaRecount(Store<ResourceQuota> quotas, BiFunction<String, String, Optional<Store<?>>> stores) {
    this.quotas = quotas;
    this.stores = stores;
  }

  public QuotaRecount start() {
    informers.add(new CacheInformer(quotas.cache(), e -> {
      ResourceQuota q = e.object().objectAs(ResourceQuota.class);
      Map<String, Quantity> hard = q.getSpec() == null ? null : q.getSpec().getHard();
      if (e.type() != WatchEvent.Type.DELETED && (q.getStatus() == null || !java.util.Objects.equals(hard,
          q.getStatus().getHard()))) {
        schedule(q.getMetadata().getNamespace());
      }
    }, () -> { }).start());
    for (String r : WATCHED) {
      stores.apply("", r).ifPresent(s -> informers.add(new CacheInformer(s.cache(), e -> {
        if (e.type() == WatchEvent.Type.DELETED) {
          schedule(e.object().object().getMetadata().getNamespace());
        }
      }, () -> { }).start()));
    }
    return this;
  }

  private void schedule(String namespace) {
    if (namespace != null && pending.add(namespace)) {
      worker.execute(() -> {
        pending.remove(namespace);
        try {
          recount(namespace);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "recounting quotas of " + namespace + " failed", e);
        }
      });
    }
  }

  /** Every quota of the namespace, its usage counted again from what exists now. */
  void recount(String namespace) {
    for (CachedObject c : quotas.cache().list(SelectionPredicate.inNamespace(namespace)).items()) {
      String name = c.objectAs(ResourceQuota.class).getMetadata().getName();
      try {
        quotas.update(namespace, name, q -> {
          Map<String, Quantity> hard = q.getSpec() == null || q.getSpec().getHard() == null ? Map.of()
              : q.getSpec().getHard();
          Map<String, BigDecimal> usage = usage(namespace);
          Map<String, Quantity> used = new HashMap<>();
          hard.keySet().forEach(k -> used.put(k, new Quantity(QuotaUsage.format(usage.getOrDefault(k,
              BigDecimal.ZERO)))));
          ResourceQuotaStatus status = new ResourceQuotaStatus(hard, used);
          q.setStatus(status);
          return q;
        }, UpdateTarget.STATUS, false);
      } catch (StatusException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
  }

  /** What the namespace uses, summed over the counted objects; finished pods use nothing. */
  private Map<String, BigDecimal> usage(String namespace) {
    Map<String, BigDecimal> total = new HashMap<>();
    for (String r : WATCHED) {
      Optional<Store<?>> s = stores.apply("", r);
      if (s.isEmpty()) {
        continue;
      }
      for (CachedObject c : s.get().cache().list(SelectionPredicate.inNamespace(namespace)).items()) {
        HasMetadata obj = c.object();
        if (obj instanceof Pod p && p.getStatus() != null
            && ("Succeeded".equals(p.getStatus().getPhase()) || "Failed".equals(p.getStatus().getPhase()))) {
          continue;
        }
        QuotaUsage.of(s.get().resource(), obj).forEach((k, v) -> total.merge(k, v, BigDecimal::add));
      }
    }
    return total;
  }

  @Override
  public void close() {
    informers.forEach(CacheInformer::close);
    worker.shutdownNow();
  }
}
