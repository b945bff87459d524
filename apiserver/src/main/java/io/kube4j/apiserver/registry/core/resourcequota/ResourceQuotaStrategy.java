package io.kube4j.apiserver.registry.core.resourcequota;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.core.ResourceValidation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@code resourcequotaStrategy}: {@code ValidateResourceQuota} and friends. */
public final class ResourceQuotaStrategy implements Strategy<ResourceQuota> {

  private static final Set<String> SCOPES = Set.of("Terminating", "NotTerminating", "BestEffort", "NotBestEffort",
      "PriorityClass", "CrossNamespacePodAffinity", "VolumeAttributesClass");

  @Override
  public void prepareForCreate(ResourceQuota rq) {
    rq.setStatus(new ResourceQuotaStatus());
  }

  @Override
  public void prepareForUpdate(ResourceQuota rq, ResourceQuota old) {
    rq.setStatus(old.getStatus());
  }

  @Override
  public List<FieldError> validate(ResourceQuota rq) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(rq.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(validateSpec(rq));
    if (rq.getStatus() != null) {
      errs.addAll(validateList(rq.getStatus().getHard(), Path.root("status", "hard")));
      errs.addAll(validateList(rq.getStatus().getUsed(), Path.root("status", "used")));
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(ResourceQuota rq, ResourceQuota old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(rq.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validateSpec(rq));
    Set<String> scopes = new HashSet<>(scopes(rq));
    if (!scopes.equals(new HashSet<>(scopes(old)))) {
      errs.invalid(Path.root("spec", "scopes"), GoSyntax.stringSlice(scopes(rq)), ObjectMetaValidation.FIELD_IMMUTABLE);
    }
    return errs;
  }

  @Override
  public Optional<StatusStrategy<ResourceQuota>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(ResourceQuota rq, ResourceQuota old) {
        rq.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(ResourceQuota rq, ResourceQuota old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(rq.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        if (rq.getStatus() != null) {
          errs.addAll(validateList(rq.getStatus().getHard(), Path.root("status", "hard")));
          errs.addAll(validateList(rq.getStatus().getUsed(), Path.root("status", "used")));
        }
        return errs;
      }
    });
  }

  private static ErrorList validateSpec(ResourceQuota rq) {
    ErrorList errs = new ErrorList();
    if (rq.getSpec() == null) {
      return errs;
    }
    errs.addAll(validateList(rq.getSpec().getHard(), Path.root("spec", "hard")));
    List<String> scopes = scopes(rq);
    for (String scope : scopes) {
      if (!SCOPES.contains(scope)) {
        errs.invalid(Path.root("spec", "scopes"), GoSyntax.stringSlice(scopes), "unsupported scope");
      }
    }
    if (scopes.contains("BestEffort") && scopes.contains("NotBestEffort")
        || scopes.contains("Terminating") && scopes.contains("NotTerminating")) {
      errs.invalid(Path.root("spec", "scopes"), GoSyntax.stringSlice(scopes), "conflicting scopes");
    }
    return errs;
  }

  private static ErrorList validateList(Map<String, Quantity> list, Path field) {
    ErrorList errs = new ErrorList();
    if (list != null) {
      for (Map.Entry<String, Quantity> e : new TreeMap<>(list).entrySet()) {
        Path p = field.key(e.getKey());
        errs.addAll(ResourceValidation.validateResourceQuotaResourceName(e.getKey(), p));
        errs.addAll(ResourceValidation.validateResourceQuantityValue(e.getKey(), e.getValue(), p));
      }
    }
    return errs;
  }

  private static List<String> scopes(ResourceQuota rq) {
    return rq.getSpec() == null || rq.getSpec().getScopes() == null ? List.of() : rq.getSpec().getScopes();
  }
}
