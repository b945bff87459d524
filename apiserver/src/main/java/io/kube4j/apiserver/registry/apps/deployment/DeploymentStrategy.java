package io.kube4j.apiserver.registry.apps.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
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
import java.util.Objects;
import java.util.Optional;

/** How deployments are defaulted, created and updated ({@code deploymentStrategy}). */
public final class DeploymentStrategy implements Strategy<Deployment> {

  /** {@code SetDefaults_Deployment} and the template's pod defaults. */
  @Override
  public void applyDefaults(Deployment d) {
    DeploymentSpec spec = d.getSpec();
    if (spec == null) {
      spec = new DeploymentSpec();
      d.setSpec(spec);
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    if (spec.getStrategy() == null) {
      spec.setStrategy(new io.fabric8.kubernetes.api.model.apps.DeploymentStrategy());
    }
    var strategy = spec.getStrategy();
    if (strategy.getType() == null || strategy.getType().isEmpty()) {
      strategy.setType("RollingUpdate");
    }
    if (strategy.getType().equals("RollingUpdate")) {
      if (strategy.getRollingUpdate() == null) {
        strategy.setRollingUpdate(new RollingUpdateDeployment());
      }
      if (strategy.getRollingUpdate().getMaxUnavailable() == null) {
        strategy.getRollingUpdate().setMaxUnavailable(new IntOrString("25%"));
      }
      if (strategy.getRollingUpdate().getMaxSurge() == null) {
        strategy.getRollingUpdate().setMaxSurge(new IntOrString("25%"));
      }
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    if (spec.getProgressDeadlineSeconds() == null) {
      spec.setProgressDeadlineSeconds(600);
    }
    PodDefaults.applyTemplateDefaults(spec.getTemplate());
  }

  @Override
  public void prepareForCreate(Deployment d) {
    d.setStatus(new DeploymentStatus());
    d.getMetadata().setGeneration(1L);
  }

  /** Annotations bump the generation too: the controller copies them onto the ReplicaSets. */
  @Override
  public void prepareForUpdate(Deployment d, Deployment old) {
    d.setStatus(old.getStatus());
    boolean changed = !Objects.equals(d.getSpec(), old.getSpec())
        || !Objects.equals(emptyToNull(d.getMetadata().getAnnotations()), emptyToNull(old.getMetadata().getAnnotations()));
    Generation.advance(d, old, changed);
  }

  @Override
  public List<FieldError> validate(Deployment d) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(d.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(AppsValidation.validateDeploymentSpec(spec(d), Path.root("spec")));
    return errs;
  }

  /** {@code ValidateDeploymentUpdate}, and in apps/v1 an immutable selector. */
  @Override
  public List<FieldError> validateUpdate(Deployment d, Deployment old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(d.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(AppsValidation.validateDeploymentSpec(spec(d), Path.root("spec")));
    errs.addAll(ObjectMetaValidation.validateImmutableField(spec(d).getSelector(), spec(old).getSelector(),
        GoSyntax.labelSelector(spec(d).getSelector()), Path.root("spec", "selector")));
    return errs;
  }

  @Override
  public Optional<StatusStrategy<Deployment>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(Deployment d, Deployment old) {
        d.setSpec(old.getSpec());
        d.getMetadata().setLabels(old.getMetadata().getLabels());
      }

      @Override
      public List<FieldError> validateUpdate(Deployment d, Deployment old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(d.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        DeploymentStatus o = old.getStatus() == null ? new DeploymentStatus() : old.getStatus();
        errs.addAll(WorkloadStatusValidation.validateDeploymentStatus(s, Path.root("status")));
        errs.addAll(WorkloadStatusValidation.collisionCountNotDecremented(s.getCollisionCount(), o.getCollisionCount()));
        return errs;
      }
    });
  }

  private static DeploymentSpec spec(Deployment d) {
    return d.getSpec() == null ? new DeploymentSpec() : d.getSpec();
  }

  private static Object emptyToNull(java.util.Map<String, String> m) {
    return m == null || m.isEmpty() ? null : m;
  }
}
