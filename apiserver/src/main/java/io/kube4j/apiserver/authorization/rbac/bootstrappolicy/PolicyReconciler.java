package io.kube4j.apiserver.authorization.rbac.bootstrappolicy;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.UpdateTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes the stored defaults match the bootstrap policy at start ({@code rbac/bootstrap-roles}
 * post-start hook upstream): a missing role or binding is created; one marked
 * {@code autoupdate: "true"} gets the rules or subjects it lacks (extras are kept); one marked
 * {@code "false"} is left as the administrator made it.
 */
public final class PolicyReconciler {

  private static final Logger LOG = Logger.getLogger(PolicyReconciler.class.getName());

  private final Store<ClusterRole> roles;
  private final Store<ClusterRoleBinding> bindings;

  public PolicyReconciler(Store<ClusterRole> roles, Store<ClusterRoleBinding> bindings) {
    this.roles = roles;
    this.bindings = bindings;
  }

  public void reconcile() {
    int changed = 0;
    for (ClusterRole want : BootstrapPolicy.clusterRoles()) {
      changed += reconcileRole(want) ? 1 : 0;
    }
    for (ClusterRoleBinding want : BootstrapPolicy.clusterRoleBindings()) {
      changed += reconcileBinding(want) ? 1 : 0;
    }
    if (changed > 0) {
      LOG.info("reconciled " + changed + " default RBAC objects");
    }
  }

  private boolean reconcileRole(ClusterRole want) {
    String name = want.getMetadata().getName();
    Optional<ClusterRole> have = current(roles, name, ClusterRole.class);
    if (have.isEmpty()) {
      return createIfAbsent(roles, want);
    }
    if (!autoupdate(have.get().getMetadata().getAnnotations()) || want.getAggregationRule() != null) {
      // aggregated roles get their rules from the aggregation controller
      return false;
    }
    List<PolicyRule> missing = new ArrayList<>(orEmpty(want.getRules()));
    missing.removeAll(orEmpty(have.get().getRules()));
    if (missing.isEmpty()) {
      return false;
    }
    roles.update("", name, r -> {
      List<PolicyRule> rules = new ArrayList<>(orEmpty(r.getRules()));
      rules.addAll(missing);
      r.setRules(rules);
      return r;
    }, UpdateTarget.MAIN, false);
    return true;
  }

  private boolean reconcileBinding(ClusterRoleBinding want) {
    String name = want.getMetadata().getName();
    Optional<ClusterRoleBinding> have = current(bindings, name, ClusterRoleBinding.class);
    if (have.isEmpty()) {
      return createIfAbsent(bindings, want);
    }
    if (!autoupdate(have.get().getMetadata().getAnnotations())) {
      return false;
    }
    List<Subject> missing = new ArrayList<>(orEmpty(want.getSubjects()));
    missing.removeAll(orEmpty(have.get().getSubjects()));
    if (missing.isEmpty()) {
      return false;
    }
    bindings.update("", name, b -> {
      List<Subject> subjects = new ArrayList<>(orEmpty(b.getSubjects()));
      subjects.addAll(missing);
      b.setSubjects(subjects);
      return b;
    }, UpdateTarget.MAIN, false);
    return true;
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> Optional<T> current(Store<T> store,
      String name, Class<T> type) {
    try {
      return Optional.of(store.get("", name, "").objectAs(type));
    } catch (StatusException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> boolean createIfAbsent(Store<T> store,
      T object) {
    try {
      store.create("", object, false);
      return true;
    } catch (StatusException e) {
      if (e.code() == 409) {
        return false; // another apiserver made it first
      }
      throw e;
    }
  }

  private static boolean autoupdate(java.util.Map<String, String> annotations) {
    return annotations == null || !"false".equals(annotations.get(BootstrapPolicy.AUTOUPDATE));
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
