package io.kube4j.apiserver.registry.rbac;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.rbac.RbacValidation;
import java.util.List;

/** Role bindings: a Role or ClusterRole granted in one namespace ({@code rolebinding.strategy}). */
public final class RoleBindingStrategy implements Strategy<RoleBinding> {

  @Override
  public List<FieldError> validate(RoleBinding b) {
    return RbacValidation.meta(b.getMetadata(), true)
        .addAllFrom(RbacValidation.binding(b.getRoleRef(), b.getSubjects(), true));
  }

  @Override
  public List<FieldError> validateUpdate(RoleBinding b, RoleBinding old) {
    return new io.kube4j.apiserver.validation.ErrorList().addAllFrom(validate(b))
        .addAllFrom(RbacValidation.roleRefUnchanged(b.getRoleRef(), old.getRoleRef()));
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }
}
