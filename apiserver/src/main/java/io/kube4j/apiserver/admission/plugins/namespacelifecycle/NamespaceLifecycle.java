package io.kube4j.apiserver.admission.plugins.namespacelifecycle;

import io.fabric8.kubernetes.api.model.Namespace;
import io.kube4j.apiserver.admission.MutatingAdmission;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.api.GroupResource;
import io.kube4j.apiserver.api.StatusException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Rejects creates in missing or terminating namespaces and deletes of the immortal namespaces.
 * Namespaces are looked up in the watch cache first and, when missing there (a namespace created a
 * moment ago), read from etcd, as upstream does with its informer and live lookup.
 */
public final class NamespaceLifecycle implements MutatingAdmission {

  /** Namespaces that always exist ({@code immortalNamespaces} upstream). */
  private static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");
  private static final GroupResource NAMESPACES = GroupResource.of("", "namespaces");

  private final Function<String, Optional<Namespace>> cached;
  private final Function<String, Optional<Namespace>> live;

  /**
   * @param cached looks a namespace up in the watch cache
   * @param live looks a namespace up in etcd
   */
  public NamespaceLifecycle(Function<String, Optional<Namespace>> cached, Function<String, Optional<Namespace>> live) {
    this.cached = cached;
    this.live = live;
  }

  @Override
  public String name() {
    return "NamespaceLifecycle";
  }

  @Override
  public Attributes admit(Attributes a) {
    if (a.resource().resource().equals("namespaces")) {
      if (a.operation() == Attributes.Operation.DELETE && IMMORTAL.contains(a.name())) {
        throw StatusException.forbidden(NAMESPACES, a.name(), "this namespace may not be deleted");
      }
      return a;
    }
    if (a.operation() != Attributes.Operation.CREATE || a.namespace().isEmpty() || !a.resource().namespaced()) {
      return a;
    }
    Namespace ns = cached.apply(a.namespace()).or(() -> live.apply(a.namespace()))
        .orElseThrow(() -> StatusException.notFound(NAMESPACES, a.namespace()));
    boolean terminating = ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase());
    if (terminating) {
      throw StatusException.forbidden(a.resource().groupResource(), a.name(),
          "unable to create new content in namespace " + a.namespace() + " because it is being terminated");
    }
    return a;
  }
}
