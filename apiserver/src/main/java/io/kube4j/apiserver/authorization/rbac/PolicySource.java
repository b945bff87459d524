package io.kube4j.apiserver.authorization.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Collection;
import java.util.Optional;

/** The RBAC objects the authorizer reads ({@code RoleGetter}, {@code RoleBindingLister}... upstream). */
public interface PolicySource {

  Optional<Role> role(String namespace, String name);

  Optional<ClusterRole> clusterRole(String name);

  Collection<RoleBinding> roleBindings(String namespace);

  Collection<ClusterRoleBinding> clusterRoleBindings();
}
