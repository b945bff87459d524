package io.kube4j.apiserver.registry.rbac;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.rbac.RbacValidation;
import java.util.List;
import java.util.Objects;

/** Role bindings: a Role or ClusterRole granted in one namespace ({@code rolebinding.strategy}). */
public final class RoleBindingStrategy implements Strategy<RoleBinding> {

  @Override
  public List<FieldError> validate(RoleBinding b) {
    return RbacValidation.meta(b.getMetadata(), true)
        .addAllFrom(RbacValidation.binding(b.getRoleRef(), b.getSubjects(), true));
  }

  @Override
  public List<FieldError> validateUpdate(RoleBinding b, RoleBinding old) {
    ErrorList errs = new ErrorList().addAllFrom(validate(b));
    if (!Objects.equals(b.getRoleRef(), old.getRoleRef())) {
      errs.invalid(Path.root("roleRef"), b.getRoleRef(), "cannot change roleRef");
    }
    return errs;
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }
}
