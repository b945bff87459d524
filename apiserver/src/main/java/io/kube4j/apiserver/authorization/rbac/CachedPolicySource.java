package io.kube4j.apiserver.authorization.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.kube4j.apiserver.watch.CacheInformer;
import io.kube4j.apiserver.watch.WatchCache;
import io.kube4j.apiserver.watch.WatchEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RBAC objects as the authorizer reads them on every request: decoded once, indexed by
 * namespace, and kept current by the four watch caches (as upstream's authorizer reads informer
 * listers). A change is visible to authorization as soon as the cache delivers it.
 */
public final class CachedPolicySource implements PolicySource, AutoCloseable {

  private final Map<String, Role> roles = new ConcurrentHashMap<>();
  private final Map<String, ClusterRole> clusterRoles = new ConcurrentHashMap<>();
  private final Map<String, Map<String, RoleBinding>> roleBindings = new ConcurrentHashMap<>();
  private final Map<String, ClusterRoleBinding> clusterRoleBindings = new ConcurrentHashMap<>();
  private final List<CacheInformer> informers;

  public CachedPolicySource(WatchCache roleCache, WatchCache clusterRoleCache, WatchCache roleBindingCache,
      WatchCache clusterRoleBindingCache) {
    this.informers = List.of(
        informer(roleCache, Role.class, (r, gone) -> put(roles, key(r), r, gone), roles::clear),
        informer(clusterRoleCache, ClusterRole.class, (r, gone) -> put(clusterRoles, name(r), r, gone),
            clusterRoles::clear),
        informer(roleBindingCache, RoleBinding.class, (b, gone) -> put(
            roleBindings.computeIfAbsent(b.getMetadata().getNamespace(), n -> new ConcurrentHashMap<>()), name(b), b,
            gone), roleBindings::clear),
        informer(clusterRoleBindingCache, ClusterRoleBinding.class,
            (b, gone) -> put(clusterRoleBindings, name(b), b, gone), clusterRoleBindings::clear));
    informers.forEach(CacheInformer::start);
  }

  private interface Apply<T> {
    void apply(T object, boolean deleted);
  }

  private static <T extends HasMetadata> CacheInformer informer(WatchCache cache, Class<T> type, Apply<T> apply,
      Runnable reset) {
    return new CacheInformer(cache,
        e -> apply.apply(e.object().objectAs(type), e.type() == WatchEvent.Type.DELETED), reset);
  }

  private static <T> void put(Map<String, T> into, String key, T value, boolean deleted) {
    if (deleted) {
      into.remove(key);
    } else {
      into.put(key, value);
    }
  }

  private static String key(HasMetadata o) {
    return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }

  private static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }

  @Override
  public Optional<Role> role(String namespace, String name) {
    return Optional.ofNullable(roles.get(namespace + "/" + name));
  }

  @Override
  public Optional<ClusterRole> clusterRole(String name) {
    return Optional.ofNullable(clusterRoles.get(name));
  }

  @Override
  public Collection<RoleBinding> roleBindings(String namespace) {
    Map<String, RoleBinding> in = roleBindings.get(namespace);
    return in == null ? List.of() : in.values();
  }

  @Override
  public Collection<ClusterRoleBinding> clusterRoleBindings() {
    return clusterRoleBindings.values();
  }

  /** Waits until the four indexes hold what the caches held at start. */
  public void awaitSynced(java.time.Duration timeout) throws InterruptedException {
    for (CacheInformer i : informers) {
      if (!i.awaitSynced(timeout)) {
        throw new IllegalStateException("RBAC caches did not sync within " + timeout);
      }
    }
  }

  @Override
  public void close() {
    informers.forEach(CacheInformer::close);
  }
}
