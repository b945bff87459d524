package io.kube4j.apiserver.registry.apps.daemonset;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How daemon sets are defaulted, created and updated ({@code daemonSetStrategy}). */
public final class DaemonSetStrategy implements Strategy<DaemonSet> {

  /** Where apps/v1 keeps the internal {@code spec.templateGeneration}. */
  public static final String TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

  /** {@code SetDefaults_DaemonSet}: RollingUpdate, maxUnavailable 1, maxSurge 0, ten revisions. */
  @Override
  public void applyDefaults(DaemonSet ds) {
    if (ds.getSpec() == null) {
      ds.setSpec(new DaemonSetSpec());
    }
    DaemonSetSpec spec = ds.getSpec();
    if (spec.getUpdateStrategy() == null) {
      spec.setUpdateStrategy(new DaemonSetUpdateStrategy());
    }
    DaemonSetUpdateStrategy us = spec.getUpdateStrategy();
    if (us.getType() == null || us.getType().isEmpty()) {
      us.setType("RollingUpdate");
    }
    if (us.getType().equals("RollingUpdate")) {
      if (us.getRollingUpdate() == null) {
        us.setRollingUpdate(new RollingUpdateDaemonSet());
      }
      if (us.getRollingUpdate().getMaxUnavailable() == null) {
        us.getRollingUpdate().setMaxUnavailable(new IntOrString(1));
      }
      if (us.getRollingUpdate().getMaxSurge() == null) {
        us.getRollingUpdate().setMaxSurge(new IntOrString(0));
      }
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    PodDefaults.applyTemplateDefaults(spec.getTemplate());
  }

  @Override
  public void prepareForCreate(DaemonSet ds) {
    ds.setStatus(new DaemonSetStatus());
    ds.getMetadata().setGeneration(1L);
    setTemplateGeneration(ds, 1);
  }

  /** A template change bumps both the generation and the template generation. */
  @Override
  public void prepareForUpdate(DaemonSet ds, DaemonSet old) {
    ds.setStatus(old.getStatus());
    long templateGeneration = templateGeneration(old);
    boolean templateChanged = !Objects.equals(spec(ds).getTemplate(), spec(old).getTemplate());
    setTemplateGeneration(ds, templateChanged ? templateGeneration + 1 : templateGeneration);
    boolean changed = templateChanged || !Objects.equals(ds.getSpec(), old.getSpec());
    Generation.advance(ds, old, changed);
  }

  @Override
  public List<FieldError> validate(DaemonSet ds) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(ds.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(AppsValidation.validateDaemonSetSpec(spec(ds), Path.root("spec")));
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(DaemonSet ds, DaemonSet old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(ds.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(AppsValidation.validateDaemonSetSpec(spec(ds), Path.root("spec")));
    errs.addAll(ObjectMetaValidation.validateImmutableField(spec(ds).getSelector(), spec(old).getSelector(),
        GoSyntax.labelSelector(spec(ds).getSelector()), Path.root("spec", "selector")));
    return errs;
  }

  @Override
  public Optional<StatusStrategy<DaemonSet>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(DaemonSet ds, DaemonSet old) {
        ds.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(DaemonSet ds, DaemonSet old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(ds.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        DaemonSetStatus s = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
        errs.addAll(WorkloadStatusValidation.validateDaemonSetStatus(s, Path.root("status")));
        errs.addAll(WorkloadStatusValidation.collisionCountNotDecremented(s.getCollisionCount(),
            old.getStatus() == null ? null : old.getStatus().getCollisionCount()));
        return errs;
      }
    });
  }

  static long templateGeneration(DaemonSet ds) {
    Map<String, String> ann = ds.getMetadata().getAnnotations();
    try {
      return ann == null || !ann.containsKey(TEMPLATE_GENERATION_ANNOTATION) ? 0
          : Long.parseLong(ann.get(TEMPLATE_GENERATION_ANNOTATION));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void setTemplateGeneration(DaemonSet ds, long value) {
    Map<String, String> ann = ds.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(ds.getMetadata().getAnnotations());
    ann.put(TEMPLATE_GENERATION_ANNOTATION, Long.toString(value));
    ds.getMetadata().setAnnotations(ann);
  }

  private static DaemonSetSpec spec(DaemonSet ds) {
    return ds.getSpec() == null ? new DaemonSetSpec() : ds.getSpec();
  }
}
