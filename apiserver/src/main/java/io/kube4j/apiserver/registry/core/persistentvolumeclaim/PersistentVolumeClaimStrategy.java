package io.kube4j.apiserver.registry.core.persistentvolumeclaim;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpecBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.core.persistentvolume.PersistentVolumeStrategy;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.core.Quantities;
import io.kube4j.apiserver.validation.core.ResourceValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code persistentvolumeclaimStrategy}: {@code ValidatePersistentVolumeClaim} and its update rules. */
public final class PersistentVolumeClaimStrategy implements Strategy<PersistentVolumeClaim> {

  /** {@code SetDefaults_PersistentVolumeClaim} and {@code ..ClaimSpec}: Pending, Filesystem. */
  @Override
  public void applyDefaults(PersistentVolumeClaim pvc) {
    if (pvc.getSpec() == null) {
      pvc.setSpec(new PersistentVolumeClaimSpec());
    }
    if (pvc.getSpec().getVolumeMode() == null) {
      pvc.getSpec().setVolumeMode("Filesystem");
    }
    if (pvc.getStatus() == null) {
      pvc.setStatus(new PersistentVolumeClaimStatus());
    }
    if (pvc.getStatus().getPhase() == null || pvc.getStatus().getPhase().isEmpty()) {
      pvc.getStatus().setPhase("Pending");
    }
  }

  /** A new claim has no status but the {@code Pending} phase its defaulting reports. */
  @Override
  public void prepareForCreate(PersistentVolumeClaim pvc) {
    PersistentVolumeClaimStatus status = new PersistentVolumeClaimStatus();
    status.setPhase("Pending");
    pvc.setStatus(status);
  }

  @Override
  public void prepareForUpdate(PersistentVolumeClaim pvc, PersistentVolumeClaim old) {
    pvc.setStatus(old.getStatus());
  }

  @Override
  public List<FieldError> validate(PersistentVolumeClaim pvc) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(pvc.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(validateSpec(spec(pvc), Path.root("spec")));
    return errs;
  }

  /** Only {@code volumeName} (once) and, for a bound claim, the storage request may change. */
  @Override
  public List<FieldError> validateUpdate(PersistentVolumeClaim pvc, PersistentVolumeClaim old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pvc.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validate(pvc));
    PersistentVolumeClaimSpec n = new PersistentVolumeClaimSpecBuilder(spec(pvc)).build();
    PersistentVolumeClaimSpec o = new PersistentVolumeClaimSpecBuilder(spec(old)).build();
    if (o.getVolumeName() == null || o.getVolumeName().isEmpty()) {
      o.setVolumeName(n.getVolumeName());
    }
    boolean bound = pvc.getStatus() != null && "Bound".equals(pvc.getStatus().getPhase());
    if (bound && n.getResources() != null && n.getResources().getRequests() != null) {
      Map<String, Quantity> requests = new LinkedHashMap<>(n.getResources().getRequests());
      Quantity oldStorage = storage(spec(old));
      if (oldStorage != null) {
        requests.put("storage", oldStorage);
      } else {
        requests.remove("storage");
      }
      n.getResources().setRequests(requests);
    }
    if (!Objects.equals(n, o)) {
      errs.forbidden(Path.root("spec"),
          "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n"
              + io.kube4j.apiserver.validation.core.SpecDiff.diff("core.PersistentVolumeClaimSpec", o, n));
    }
    if (storage(spec(pvc)) != null && storage(spec(old)) != null
        && Quantities.compare(storage(spec(pvc)), storage(spec(old))) < 0) {
      errs.forbidden(Path.root("spec", "resources", "requests", "storage"), "field can not be less than previous value");
    }
    errs.addAll(ObjectMetaValidation.validateImmutableField(spec(pvc).getVolumeMode(), spec(old).getVolumeMode(),
        Path.root("volumeMode")));
    return errs;
  }

  @Override
  public Map<String, String> selectableFields(PersistentVolumeClaim pvc) {
    return Map.of("name", pvc.getMetadata().getName() == null ? "" : pvc.getMetadata().getName());
  }

  @Override
  public Optional<StatusStrategy<PersistentVolumeClaim>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      @Override
      public void prepareForUpdate(PersistentVolumeClaim pvc, PersistentVolumeClaim old) {
        pvc.setSpec(old.getSpec());
      }

      @Override
      public List<FieldError> validateUpdate(PersistentVolumeClaim pvc, PersistentVolumeClaim old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pvc.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        if (pvc.getMetadata().getResourceVersion() == null || pvc.getMetadata().getResourceVersion().isEmpty()) {
          errs.required(Path.root("resourceVersion"), "");
        }
        if (spec(pvc).getAccessModes() == null || spec(pvc).getAccessModes().isEmpty()) {
          errs.required(Path.root("Spec", "accessModes"), "");
        }
        return errs;
      }
    });
  }

  static ErrorList validateSpec(PersistentVolumeClaimSpec spec, Path field) {
    ErrorList errs = new ErrorList();
    List<String> modes = spec.getAccessModes() == null ? List.of() : spec.getAccessModes();
    if (modes.isEmpty()) {
      errs.required(field.child("accessModes"), "at least 1 access mode is required");
    }
    if (spec.getSelector() != null) {
      errs.addAll(LabelValidation.validateLabelSelector(spec.getSelector(), field.child("selector")));
    }
    if (!modes.isEmpty()) {
      errs.addAll(PersistentVolumeStrategy.validateAccessModes(modes, field.child("accessModes"), ""));
    }
    Quantity storage = storage(spec);
    Path storagePath = field.child("resources").key("storage");
    if (storage == null) {
      errs.required(storagePath, "");
    } else {
      ErrorList positive = ResourceValidation.validatePositiveQuantityValue(storage, storagePath);
      errs.addAll(positive.isEmpty() ? ResourceValidation.validateResourceQuantityValue("storage", storage, storagePath)
          : positive);
    }
    if (spec.getStorageClassName() != null && !spec.getStorageClassName().isEmpty()) {
      errs.invalidEach(field.child("storageClassName"), spec.getStorageClassName(),
          NameValidator.DNS_SUBDOMAIN.validate(spec.getStorageClassName(), false));
    }
    if (spec.getVolumeMode() != null && !List.of("Block", "Filesystem").contains(spec.getVolumeMode())) {
      errs.notSupported(field.child("volumeMode"), spec.getVolumeMode(), List.of("Block", "Filesystem"));
    }
    return errs;
  }

  private static Quantity storage(PersistentVolumeClaimSpec spec) {
    return spec.getResources() == null || spec.getResources().getRequests() == null ? null
        : spec.getResources().getRequests().get("storage");
  }

  private static PersistentVolumeClaimSpec spec(PersistentVolumeClaim pvc) {
    return pvc.getSpec() == null ? new PersistentVolumeClaimSpec() : pvc.getSpec();
  }
}
