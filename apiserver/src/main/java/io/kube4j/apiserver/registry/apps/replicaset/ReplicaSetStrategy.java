package io.kube4j.apiserver.registry.apps.replicaset;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.core.pod.PodDefaults;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Generation;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.apps.AppsValidation;
import io.kube4j.apiserver.validation.apps.WorkloadStatusValidation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How replica sets are defaulted, created and updated ({@code rsStrategy}). */
public final class ReplicaSetStrategy implements Strategy<ReplicaSet> {

  @Override
  public void applyDefaults(ReplicaSet rs) {
    if (rs.getSpec() == null) {
      rs.setSpec(new ReplicaSetSpec());
    }
    if (rs.getSpec().getReplicas() == null) {
      rs.getSpec().setReplicas(1);
    }
    PodDefaults.applyTemplateDefaults(rs.getSpec().getTemplate());
  }

  @Override
  public void prepareForCreate(ReplicaSet rs) {
    rs.setStatus(new ReplicaSetStatus());
    rs.getMetadata().setGeneration(1L);
  }

  @Override
  public void prepareForUpdate(ReplicaSet rs, ReplicaSet old) {
    rs.setStatus(old.getStatus());
    Generation.advance(rs, old, !Objects.equals(rs.getSpec(), old.getSpec()));
  }

  @Override
  public List<FieldError> validate(ReplicaSet rs) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(rs.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(AppsValidation.validateReplicaSetSpec(spec(rs), Path.root("spec")));
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(ReplicaSet rs, ReplicaSet old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(rs.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(AppsValidation.validateReplicaSetSpec(spec(rs), Path.root("spec")));
    errs.addAll(ObjectMetaValidation.validateImmutableField(spec(rs).getSelector(), spec(old).getSelector(),
        GoSyntax.labelSelector(spec(rs).getSelector()), Path.root("spec", "selector")));
    return errs;
  }

  /** {@code ReplicaSetToSelectableFields}: {@code status.replicas}. */
  @Override
  public Map<String, String> selectableFields(ReplicaSet rs) {
    Integer replicas = rs.getStatus() == null ? null : rs.getStatus().getReplicas();
    return Map.of("status.replicas", String.valueOf(replicas == null ? 0 : replicas));
  }

  @Override
  public Optional<StatusStrategy<ReplicaSet>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(ReplicaSet rs, ReplicaSet old) {
        rs.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(ReplicaSet rs, ReplicaSet old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(rs.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        errs.addAll(WorkloadStatusValidation.validateReplicaSetStatus(
            rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus(), Path.root("status")));
        return errs;
      }
    });
  }

  private static ReplicaSetSpec spec(ReplicaSet rs) {
    return rs.getSpec() == null ? new ReplicaSetSpec() : rs.getSpec();
  }
}
