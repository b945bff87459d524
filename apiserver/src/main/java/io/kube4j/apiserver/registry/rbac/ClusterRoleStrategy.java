package io.kube4j.apiserver.registry.rbac;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.rbac.RbacValidation;
import java.util.List;

/**
 * Cluster roles: rules for the whole cluster and for non-resource URLs; an aggregated role's rules
 * are filled in by the aggregation controller ({@code clusterrole.strategy}).
 */
public final class ClusterRoleStrategy implements Strategy<ClusterRole> {

  @Override
  public List<FieldError> validate(ClusterRole role) {
    ErrorList errs = RbacValidation.meta(role.getMetadata(), false)
        .addAllFrom(RbacValidation.rules(role.getRules(), false));
    if (role.getAggregationRule() != null) {
      List<LabelSelector> selectors = role.getAggregationRule().getClusterRoleSelectors();
      if (selectors == null || selectors.isEmpty()) {
        errs.required(Path.root("aggregationRule", "clusterRoleSelectors"),
            "at least one clusterRoleSelector required if aggregationRule is non-nil");
      }
    }
    return errs;
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }
}
