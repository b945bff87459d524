package io.kube4j.apiserver.registry.coordination.lease;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.List;

/** {@code leaseStrategy}: {@code ValidateLease} on create and update; create-on-update allowed. */
public final class LeaseStrategy implements Strategy<Lease> {

  @Override
  public List<FieldError> validate(Lease lease) {
    ErrorList errs = ObjectMetaValidation.validateObjectMeta(lease.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(validateLeaseSpec(lease.getSpec(), Path.root("spec")));
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(Lease lease, Lease old) {
    ErrorList errs = ObjectMetaValidation.validateObjectMetaUpdate(lease.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validateLeaseSpec(lease.getSpec(), Path.root("spec")));
    return errs;
  }

  /** Leases are written with PUT by kubelets and leader electors that may be first to write them. */
  @Override
  public boolean allowCreateOnUpdate() {
    return true;
  }

  private static ErrorList validateLeaseSpec(LeaseSpec spec, Path field) {
    ErrorList errs = new ErrorList();
    if (spec == null) {
      return errs;
    }
    if (spec.getLeaseDurationSeconds() != null && spec.getLeaseDurationSeconds() <= 0) {
      errs.invalid(field.child("leaseDurationSeconds"), spec.getLeaseDurationSeconds(), "must be greater than 0");
    }
    if (spec.getLeaseTransitions() != null && spec.getLeaseTransitions() < 0) {
      errs.invalid(field.child("leaseTransitions"), spec.getLeaseTransitions(), "must be greater than or equal to 0");
    }
    if (spec.getStrategy() != null) {
      String strategy = spec.getStrategy();
      if (!strategy.contains("/")) {
        if (!strategy.equals("OldestEmulationVersion")) {
          errs.notSupported(field.child("strategy").child("strategy"), strategy, List.of("OldestEmulationVersion"));
        }
      } else {
        errs.invalidEach(field.child("strategy").child("strategy"), strategy, Validation.isQualifiedName(strategy));
      }
    }
    if (spec.getPreferredHolder() != null && !spec.getPreferredHolder().isEmpty()
        && (spec.getStrategy() == null || spec.getStrategy().isEmpty())) {
      errs.forbidden(field.child("preferredHolder"), "may only be specified if `strategy` is defined");
    }
    return errs;
  }
}
