package io.kube4j.apiserver.registry.rbac;

import io.fabric8.kubernetes.api.model.rbac.Role;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.rbac.RbacValidation;
import java.util.List;

/** Roles: namespaced rules ({@code role.strategy}). */
public final class RoleStrategy implements Strategy<Role> {

  @Override
  public List<FieldError> validate(Role role) {
    return RbacValidation.meta(role.getMetadata(), true).addAllFrom(RbacValidation.rules(role.getRules(), true));
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }
}
