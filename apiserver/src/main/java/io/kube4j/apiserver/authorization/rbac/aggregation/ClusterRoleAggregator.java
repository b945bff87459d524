package io.kube4j.apiserver.authorization.rbac.aggregation;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.UpdateTarget;
import io.kube4j.apiserver.watch.CacheInformer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clusterrole-aggregation controller, run inside the apiserver: any change to a cluster role
 * schedules one pass that recomputes every aggregated role and writes those whose rules differ.
 * Passes are coalesced, so a burst of changes costs one pass.
 */
public final class ClusterRoleAggregator implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ClusterRoleAggregator.class.getName());

  private final Store<ClusterRole> store;
  private final Map<String, ClusterRole> roles = new java.util.concurrent.ConcurrentHashMap<>();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "clusterrole-aggregation");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final CacheInformer informer;

  public ClusterRoleAggregator(Store<ClusterRole> store) {
    this.store = store;
    this.informer = new CacheInformer(store.cache(), e -> {
      ClusterRole r = e.object().objectAs(ClusterRole.class);
      if (e.type() == io.kube4j.apiserver.watch.WatchEvent.Type.DELETED) {
        roles.remove(r.getMetadata().getName());
      } else {
        roles.put(r.getMetadata().getName(), r);
      }
      schedule();
    }, roles::clear);
  }

  public ClusterRoleAggregator start() {
    informer.start();
    return this;
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      worker.execute(() -> {
        scheduled.set(false);
        try {
          syncAll();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "cluster role aggregation failed; retried on the next change", e);
        }
      });
    }
  }

  private void syncAll() {
    List<ClusterRole> all = new ArrayList<>(roles.values());
    for (ClusterRole role : all) {
      if (role.getAggregationRule() == null) {
        continue;
      }
      List<PolicyRule> rules = aggregate(role, all);
      if (!rules.equals(role.getRules() == null ? List.of() : role.getRules())) {
        write(role.getMetadata().getName(), rules);
      }
    }
  }

  /**
   * The rules of every other role any selector matches, in role-name order, each rule once
   * ({@code syncClusterRole} upstream).
   */
  public static List<PolicyRule> aggregate(ClusterRole target, Collection<ClusterRole> all) {
    List<LabelSelector> selectors = target.getAggregationRule().getClusterRoleSelectors() == null ? List.of()
        : target.getAggregationRule().getClusterRoleSelectors();
    List<PolicyRule> out = new ArrayList<>();
    all.stream()
        .filter(r -> !r.getMetadata().getName().equals(target.getMetadata().getName()))
        .filter(r -> selectors.stream().anyMatch(s -> io.kube4j.apiserver.labels.LabelSelector.fromLabelSelector(s).matches(labels(r))))
        .sorted(Comparator.comparing(r -> r.getMetadata().getName()))
        .forEach(r -> {
          for (PolicyRule rule : r.getRules() == null ? List.<PolicyRule>of() : r.getRules()) {
            if (!out.contains(rule)) {
              out.add(rule);
            }
          }
        });
    return out;
  }

  private void write(String name, List<PolicyRule> rules) {
    try {
      store.update("", name, r -> {
        r.setRules(rules);
        return r;
      }, UpdateTarget.MAIN, false);
    } catch (StatusException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  private static Map<String, String> labels(ClusterRole r) {
    return r.getMetadata().getLabels() == null ? Map.of() : r.getMetadata().getLabels();
  }

  @Override
  public void close() {
    informer.close();
    worker.shutdownNow();
    try {
      worker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
