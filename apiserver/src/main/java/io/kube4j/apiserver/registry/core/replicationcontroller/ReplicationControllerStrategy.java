package io.kube4j.apiserver.registry.core.replicationcontroller;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.core.pod.PodDefaults;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Generation;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.apps.WorkloadStatusValidation;
import io.kube4j.apiserver.validation.core.PodValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code rcStrategy}: {@code SetDefaults_ReplicationController} and {@code ValidateReplicationController}. */
public final class ReplicationControllerStrategy implements Strategy<ReplicationController> {

  /** Selector and object labels default to the template's labels; one replica. */
  @Override
  public void applyDefaults(ReplicationController rc) {
    if (rc.getSpec() == null) {
      rc.setSpec(new ReplicationControllerSpec());
    }
    ReplicationControllerSpec spec = rc.getSpec();
    Map<String, String> labels = spec.getTemplate() == null || spec.getTemplate().getMetadata() == null ? null
        : spec.getTemplate().getMetadata().getLabels();
    if (labels != null && !labels.isEmpty()) {
      if (spec.getSelector() == null || spec.getSelector().isEmpty()) {
        spec.setSelector(new LinkedHashMap<>(labels));
      }
      if (rc.getMetadata().getLabels() == null || rc.getMetadata().getLabels().isEmpty()) {
        rc.getMetadata().setLabels(new LinkedHashMap<>(labels));
      }
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    PodDefaults.applyTemplateDefaults(spec.getTemplate());
  }

  @Override
  public void prepareForCreate(ReplicationController rc) {
    rc.setStatus(new ReplicationControllerStatus());
    rc.getMetadata().setGeneration(1L);
  }

  @Override
  public void prepareForUpdate(ReplicationController rc, ReplicationController old) {
    rc.setStatus(old.getStatus());
    Generation.advance(rc, old, !Objects.equals(rc.getSpec(), old.getSpec()));
  }

  @Override
  public List<FieldError> validate(ReplicationController rc) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(rc.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(validateSpec(rc.getSpec() == null ? new ReplicationControllerSpec() : rc.getSpec(), Path.root("spec")));
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(ReplicationController rc, ReplicationController old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(rc.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validateSpec(rc.getSpec() == null ? new ReplicationControllerSpec() : rc.getSpec(), Path.root("spec")));
    return errs;
  }

  /** {@code ValidateReplicationControllerSpec}. */
  static ErrorList validateSpec(ReplicationControllerSpec spec, Path field) {
    ErrorList errs = ObjectMetaValidation.validateNonnegativeField(n(spec.getMinReadySeconds()), field.child("minReadySeconds"));
    if (spec.getSelector() == null || spec.getSelector().isEmpty()) {
      errs.required(field.child("selector"), "");
    }
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(n(spec.getReplicas()), field.child("replicas")));
    Path t = field.child("template");
    PodTemplateSpec template = spec.getTemplate();
    if (template == null) {
      return errs.required(t, "");
    }
    Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
    if (spec.getSelector() != null && !spec.getSelector().isEmpty() && !LabelSelectors.matches(spec.getSelector(), labels)) {
      errs.invalid(t.child("metadata", "labels"), GoSyntax.stringMap(labels), "`selector` does not match template `labels`");
    }
    errs.addAll(PodValidation.validatePodTemplateSpec(template, t));
    String restart = template.getSpec() == null || template.getSpec().getRestartPolicy() == null ? ""
        : template.getSpec().getRestartPolicy();
    if (!restart.equals("Always")) {
      errs.notSupported(t.child("spec", "restartPolicy"), restart, List.of("Always"));
    }
    if (template.getSpec() != null && template.getSpec().getActiveDeadlineSeconds() != null) {
      errs.forbidden(t.child("spec", "activeDeadlineSeconds"),
          "activeDeadlineSeconds in ReplicationController is not Supported");
    }
    return errs;
  }

  /** {@code ControllerToSelectableFields}: {@code status.replicas}. */
  @Override
  public Map<String, String> selectableFields(ReplicationController rc) {
    return Map.of("status.replicas", String.valueOf(rc.getStatus() == null ? 0 : n(rc.getStatus().getReplicas())));
  }

  @Override
  public Optional<StatusStrategy<ReplicationController>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(ReplicationController rc, ReplicationController old) {
        rc.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(ReplicationController rc, ReplicationController old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(rc.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        ReplicationControllerStatus s = rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
        errs.addAll(WorkloadStatusValidation.validateReplicaSetStatus(s.getReplicas(), s.getFullyLabeledReplicas(),
            s.getReadyReplicas(), s.getAvailableReplicas(), s.getObservedGeneration(), Path.root("status")));
        return errs;
      }
    });
  }

  private static int n(Integer i) {
    return i == null ? 0 : i;
  }
}
