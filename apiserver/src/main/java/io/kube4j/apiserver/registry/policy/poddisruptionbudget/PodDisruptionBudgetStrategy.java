package io.kube4j.apiserver.registry.policy.poddisruptionbudget;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Generation;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.apps.AppsValidation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code podDisruptionBudgetStrategy} and {@code ValidatePodDisruptionBudget}. */
public final class PodDisruptionBudgetStrategy implements Strategy<PodDisruptionBudget> {

  @Override
  public void prepareForCreate(PodDisruptionBudget pdb) {
    pdb.setStatus(new PodDisruptionBudgetStatus());
    pdb.getMetadata().setGeneration(1L);
  }

  @Override
  public void prepareForUpdate(PodDisruptionBudget pdb, PodDisruptionBudget old) {
    pdb.setStatus(old.getStatus());
    Generation.advance(pdb, old, !Objects.equals(pdb.getSpec(), old.getSpec()));
  }

  @Override
  public List<FieldError> validate(PodDisruptionBudget pdb) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(pdb.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(validateSpec(pdb.getSpec() == null ? new PodDisruptionBudgetSpec() : pdb.getSpec(), Path.root("spec")));
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(PodDisruptionBudget pdb, PodDisruptionBudget old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pdb.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validateSpec(pdb.getSpec() == null ? new PodDisruptionBudgetSpec() : pdb.getSpec(), Path.root("spec")));
    return errs;
  }

  @Override
  public Optional<StatusStrategy<PodDisruptionBudget>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(PodDisruptionBudget pdb, PodDisruptionBudget old) {
        pdb.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(PodDisruptionBudget pdb, PodDisruptionBudget old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pdb.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        PodDisruptionBudgetStatus s = pdb.getStatus() == null ? new PodDisruptionBudgetStatus() : pdb.getStatus();
        Path status = Path.root("status");
        for (Object[] e : new Object[][] {{"disruptionsAllowed", s.getDisruptionsAllowed()},
            {"currentHealthy", s.getCurrentHealthy()}, {"desiredHealthy", s.getDesiredHealthy()},
            {"expectedPods", s.getExpectedPods()}}) {
          if (e[1] != null) {
            errs.addAll(ObjectMetaValidation.validateNonnegativeField((Integer) e[1], status.child((String) e[0])));
          }
        }
        return errs;
      }
    });
  }

  /** {@code ValidatePodDisruptionBudgetSpec}. */
  static ErrorList validateSpec(PodDisruptionBudgetSpec spec, Path field) {
    ErrorList errs = new ErrorList();
    if (spec.getMinAvailable() != null && spec.getMaxUnavailable() != null) {
      errs.invalid(field, new GoSyntax("policy.PodDisruptionBudgetSpec{...}"),
          "minAvailable and maxUnavailable cannot be both set");
    }
    if (spec.getMinAvailable() != null) {
      errs.addAll(AppsValidation.validatePositiveIntOrPercent(spec.getMinAvailable(), field.child("minAvailable")));
      errs.addAll(AppsValidation.isNotMoreThan100Percent(spec.getMinAvailable(), field.child("minAvailable")));
    }
    if (spec.getMaxUnavailable() != null) {
      errs.addAll(AppsValidation.validatePositiveIntOrPercent(spec.getMaxUnavailable(), field.child("maxUnavailable")));
      errs.addAll(AppsValidation.isNotMoreThan100Percent(spec.getMaxUnavailable(), field.child("maxUnavailable")));
    }
    errs.addAll(LabelValidation.validateLabelSelector(spec.getSelector(), field.child("selector")));
    String policy = spec.getUnhealthyPodEvictionPolicy();
    if (policy != null && !policy.equals("AlwaysAllow") && !policy.equals("IfHealthyBudget")) {
      errs.notSupported(field.child("unhealthyPodEvictionPolicy"), policy, List.of("AlwaysAllow", "IfHealthyBudget"));
    }
    return errs;
  }
}
