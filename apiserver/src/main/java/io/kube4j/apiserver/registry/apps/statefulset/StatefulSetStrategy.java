package io.kube4j.apiserver.registry.apps.statefulset;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.core.pod.PodDefaults;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Generation;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.apps.StatefulSetValidation;
import io.kube4j.apiserver.validation.apps.WorkloadStatusValidation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How stateful sets are defaulted, created and updated ({@code statefulSetStrategy}). */
public final class StatefulSetStrategy implements Strategy<StatefulSet> {

  /** {@code SetDefaults_StatefulSet} and the defaults of the pod and claim templates. */
  @Override
  public void applyDefaults(StatefulSet ss) {
    if (ss.getSpec() == null) {
      ss.setSpec(new StatefulSetSpec());
    }
    StatefulSetSpec spec = ss.getSpec();
    if (spec.getPodManagementPolicy() == null || spec.getPodManagementPolicy().isEmpty()) {
      spec.setPodManagementPolicy("OrderedReady");
    }
    if (spec.getUpdateStrategy() == null) {
      spec.setUpdateStrategy(new StatefulSetUpdateStrategy());
    }
    StatefulSetUpdateStrategy us = spec.getUpdateStrategy();
    if (us.getType() == null || us.getType().isEmpty()) {
      us.setType("RollingUpdate");
      if (us.getRollingUpdate() == null) {
        us.setRollingUpdate(new RollingUpdateStatefulSetStrategy());
      }
    }
    if (us.getType().equals("RollingUpdate") && us.getRollingUpdate() != null
        && us.getRollingUpdate().getPartition() == null) {
      us.getRollingUpdate().setPartition(0);
    }
    if (spec.getPersistentVolumeClaimRetentionPolicy() == null) {
      spec.setPersistentVolumeClaimRetentionPolicy(new StatefulSetPersistentVolumeClaimRetentionPolicy());
    }
    var retention = spec.getPersistentVolumeClaimRetentionPolicy();
    if (retention.getWhenDeleted() == null || retention.getWhenDeleted().isEmpty()) {
      retention.setWhenDeleted("Retain");
    }
    if (retention.getWhenScaled() == null || retention.getWhenScaled().isEmpty()) {
      retention.setWhenScaled("Retain");
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    PodDefaults.applyTemplateDefaults(spec.getTemplate());
    if (spec.getVolumeClaimTemplates() != null) {
      for (PersistentVolumeClaim claim : spec.getVolumeClaimTemplates()) {
        if (claim.getStatus() == null) {
          claim.setStatus(new PersistentVolumeClaimStatus());
        }
        if (claim.getStatus().getPhase() == null || claim.getStatus().getPhase().isEmpty()) {
          claim.getStatus().setPhase("Pending");
        }
        if (claim.getSpec() != null && claim.getSpec().getVolumeMode() == null) {
          claim.getSpec().setVolumeMode("Filesystem");
        }
      }
    }
  }

  @Override
  public void prepareForCreate(StatefulSet ss) {
    ss.setStatus(new StatefulSetStatus());
    ss.getMetadata().setGeneration(1L);
  }

  @Override
  public void prepareForUpdate(StatefulSet ss, StatefulSet old) {
    ss.setStatus(old.getStatus());
    Generation.advance(ss, old, !Objects.equals(ss.getSpec(), old.getSpec()));
  }

  /** StatefulSet names become pod host names, hence a DNS label. */
  @Override
  public List<FieldError> validate(StatefulSet ss) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(ss.getMetadata(), true, NameValidator.DNS_LABEL,
        Path.root("metadata"));
    errs.addAll(StatefulSetValidation.validateStatefulSetSpec(spec(ss), Path.root("spec")));
    return errs;
  }

  /** {@code ValidateStatefulSetUpdate}; the name is not revalidated (it cannot change anyway). */
  @Override
  public List<FieldError> validateUpdate(StatefulSet ss, StatefulSet old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(ss.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(StatefulSetValidation.validateStatefulSetSpec(spec(ss), Path.root("spec")));
    StatefulSetSpec clone = new StatefulSetSpecBuilder(spec(ss)).build();
    StatefulSetSpec o = spec(old);
    clone.setReplicas(o.getReplicas());
    clone.setTemplate(o.getTemplate());
    clone.setUpdateStrategy(o.getUpdateStrategy());
    clone.setMinReadySeconds(o.getMinReadySeconds());
    clone.setOrdinals(o.getOrdinals());
    clone.setPersistentVolumeClaimRetentionPolicy(o.getPersistentVolumeClaimRetentionPolicy());
    if (!Objects.equals(clone, o)) {
      errs.forbidden(Path.root("spec"), "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
          + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
    }
    return errs;
  }

  @Override
  public Optional<StatusStrategy<StatefulSet>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(StatefulSet ss, StatefulSet old) {
        ss.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(StatefulSet ss, StatefulSet old) {
        StatefulSetStatus s = ss.getStatus() == null ? new StatefulSetStatus() : ss.getStatus();
        ErrorList errs = WorkloadStatusValidation.validateStatefulSetStatus(s, Path.root("status"));
        errs.addAll(ObjectMetaValidation.validateCoreObjectMetaUpdate(ss.getMetadata(), old.getMetadata(),
            Path.root("metadata")));
        errs.addAll(WorkloadStatusValidation.collisionCountNotDecremented(s.getCollisionCount(),
            old.getStatus() == null ? null : old.getStatus().getCollisionCount()));
        return errs;
      }
    });
  }

  private static StatefulSetSpec spec(StatefulSet ss) {
    return ss.getSpec() == null ? new StatefulSetSpec() : ss.getSpec();
  }
}
