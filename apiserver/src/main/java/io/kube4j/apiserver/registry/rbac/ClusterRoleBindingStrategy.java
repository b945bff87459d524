package io.kube4j.apiserver.registry.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.rbac.RbacValidation;
import java.util.List;

/** Cluster role bindings: a ClusterRole granted everywhere ({@code clusterrolebinding.strategy}). */
public final class ClusterRoleBindingStrategy implements Strategy<ClusterRoleBinding> {

  @Override
  public List<FieldError> validate(ClusterRoleBinding b) {
    return RbacValidation.meta(b.getMetadata(), false)
        .addAllFrom(RbacValidation.binding(b.getRoleRef(), b.getSubjects(), false));
  }

  @Override
  public List<FieldError> validateUpdate(ClusterRoleBinding b, ClusterRoleBinding old) {
    return new io.kube4j.apiserver.validation.ErrorList().addAllFrom(validate(b))
        .addAllFrom(RbacValidation.roleRefUnchanged(b.getRoleRef(), old.getRoleRef()));
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }
}
