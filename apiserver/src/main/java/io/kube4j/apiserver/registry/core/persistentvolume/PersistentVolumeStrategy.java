package io.kube4j.apiserver.registry.core.persistentvolume;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpecBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.core.Quantities;
import io.kube4j.apiserver.validation.core.ResourceValidation;
import io.kube4j.apiserver.validation.core.SchedulingValidation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** {@code persistentvolumeStrategy}: {@code ValidatePersistentVolume} and the phase transition time. */
public final class PersistentVolumeStrategy implements Strategy<PersistentVolume> {

  static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod");
  private static final List<String> RECLAIM_POLICIES = List.of("Delete", "Recycle", "Retain");

  private record Source(String field, Function<PersistentVolumeSpec, Object> get) {}

  private static final List<Source> SOURCES = List.of(
      new Source("hostPath", PersistentVolumeSpec::getHostPath),
      new Source("gcePersistentDisk", PersistentVolumeSpec::getGcePersistentDisk),
      new Source("awsElasticBlockStore", PersistentVolumeSpec::getAwsElasticBlockStore),
      new Source("glusterfs", PersistentVolumeSpec::getGlusterfs), new Source("flocker", PersistentVolumeSpec::getFlocker),
      new Source("nfs", PersistentVolumeSpec::getNfs), new Source("rbd", PersistentVolumeSpec::getRbd),
      new Source("quobyte", PersistentVolumeSpec::getQuobyte), new Source("cephFS", PersistentVolumeSpec::getCephfs),
      new Source("iscsi", PersistentVolumeSpec::getIscsi), new Source("cinder", PersistentVolumeSpec::getCinder),
      new Source("fc", PersistentVolumeSpec::getFc), new Source("flexVolume", PersistentVolumeSpec::getFlexVolume),
      new Source("azureFile", PersistentVolumeSpec::getAzureFile),
      new Source("vsphereVolume", PersistentVolumeSpec::getVsphereVolume),
      new Source("photonPersistentDisk", PersistentVolumeSpec::getPhotonPersistentDisk),
      new Source("portworxVolume", PersistentVolumeSpec::getPortworxVolume),
      new Source("azureDisk", PersistentVolumeSpec::getAzureDisk), new Source("scaleIO", PersistentVolumeSpec::getScaleIO),
      new Source("local", PersistentVolumeSpec::getLocal), new Source("storageos", PersistentVolumeSpec::getStorageos),
      new Source("csi", PersistentVolumeSpec::getCsi));

  private final Clock clock;

  public PersistentVolumeStrategy() {
    this(Clock.systemUTC());
  }

  /** With a clock, so tests can pin {@code lastPhaseTransitionTime}. */
  public PersistentVolumeStrategy(Clock clock) {
    this.clock = clock;
  }

  /** {@code SetDefaults_PersistentVolume}: Pending, Retain, Filesystem. */
  @Override
  public void applyDefaults(PersistentVolume pv) {
    if (pv.getSpec() == null) {
      pv.setSpec(new PersistentVolumeSpec());
    }
    if (pv.getStatus() == null) {
      pv.setStatus(new PersistentVolumeStatus());
    }
    if (isEmpty(pv.getStatus().getPhase())) {
      pv.getStatus().setPhase("Pending");
    }
    if (isEmpty(pv.getSpec().getPersistentVolumeReclaimPolicy())) {
      pv.getSpec().setPersistentVolumeReclaimPolicy("Retain");
    }
    if (pv.getSpec().getVolumeMode() == null) {
      pv.getSpec().setVolumeMode("Filesystem");
    }
  }

  @Override
  public void prepareForCreate(PersistentVolume pv) {
    PersistentVolumeStatus status = new PersistentVolumeStatus();
    status.setPhase("Pending");
    status.setLastPhaseTransitionTime(now());
    pv.setStatus(status);
  }

  @Override
  public void prepareForUpdate(PersistentVolume pv, PersistentVolume old) {
    pv.setStatus(old.getStatus());
  }

  @Override
  public List<FieldError> validate(PersistentVolume pv) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(pv.getMetadata(), false, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(validateSpec(pv.getSpec() == null ? new PersistentVolumeSpec() : pv.getSpec(), Path.root("spec")));
    return errs;
  }

  /** {@code ValidatePersistentVolumeUpdate}: the volume source and mode are fixed at creation. */
  @Override
  public List<FieldError> validateUpdate(PersistentVolume pv, PersistentVolume old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pv.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validate(pv));
    PersistentVolumeSpec n = pv.getSpec() == null ? new PersistentVolumeSpec() : pv.getSpec();
    PersistentVolumeSpec o = old.getSpec() == null ? new PersistentVolumeSpec() : old.getSpec();
    if (!Objects.equals(source(n), source(o))) {
      errs.forbidden(Path.root("spec", "persistentvolumesource"), "spec.persistentvolumesource is immutable after "
          + "creation\n" + io.kube4j.apiserver.validation.core.SpecDiff.diff("core.PersistentVolumeSource", source(o), source(n)));
    }
    errs.addAll(ObjectMetaValidation.validateImmutableField(n.getVolumeMode(), o.getVolumeMode(),
        n.getVolumeMode() == null ? new GoSyntax("null") : n.getVolumeMode(), Path.root("volumeMode")));
    if (o.getNodeAffinity() != null && !Objects.equals(n.getNodeAffinity(), o.getNodeAffinity())) {
      errs.invalid(Path.root("nodeAffinity"), new GoSyntax("&core.VolumeNodeAffinity{...}"),
          "field is immutable, except for updating from beta label to GA");
    }
    return errs;
  }

  /** {@code PersistentVolumeToSelectableFields}: {@code name}, kept for compatibility. */
  @Override
  public Map<String, String> selectableFields(PersistentVolume pv) {
    return Map.of("name", pv.getMetadata().getName() == null ? "" : pv.getMetadata().getName());
  }

  @Override
  public Optional<StatusStrategy<PersistentVolume>> statusStrategy() {
    return Optional.of(new StatusStrategy<>() {
      /** A phase change stamps {@code lastPhaseTransitionTime}. */
      @Override
      public void prepareForUpdate(PersistentVolume pv, PersistentVolume old) {
        pv.setSpec(old.getSpec());
        String oldPhase = old.getStatus() == null ? null : old.getStatus().getPhase();
        if (pv.getStatus() != null && !Objects.equals(pv.getStatus().getPhase(), oldPhase)) {
          pv.getStatus().setLastPhaseTransitionTime(now());
        }
      }

      @Override
      public List<FieldError> validateUpdate(PersistentVolume pv, PersistentVolume old) {
        ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pv.getMetadata(), old.getMetadata(),
            Path.root("metadata"));
        if (isEmpty(pv.getMetadata().getResourceVersion())) {
          errs.required(Path.root("resourceVersion"), "");
        }
        return errs;
      }
    });
  }

  static ErrorList validateSpec(PersistentVolumeSpec spec, Path field) {
    ErrorList errs = new ErrorList();
    List<String> modes = spec.getAccessModes() == null ? List.of() : spec.getAccessModes();
    errs.addAll(validateAccessModes(modes, field.child("accessModes"), ""));
    Map<String, Quantity> capacity = spec.getCapacity() == null ? Map.of() : new TreeMap<>(spec.getCapacity());
    if (capacity.isEmpty()) {
      errs.required(field.child("capacity"), "");
    }
    if (!capacity.containsKey("storage") || capacity.size() > 1) {
      errs.notSupported(field.child("capacity"), new GoSyntax("core.ResourceList{...}"), List.of("storage"));
    }
    for (Map.Entry<String, Quantity> e : capacity.entrySet()) {
      Path p = field.child("capacity").key(e.getKey());
      if (Quantities.valueOrZero(e.getValue()).signum() < 0) {
        errs.invalid(p, Quantities.text(e.getValue()), "must be a valid resource quantity");
      }
      errs.addAll(ResourceValidation.validatePositiveQuantityValue(e.getValue(), p));
    }
    String reclaim = spec.getPersistentVolumeReclaimPolicy();
    if (!isEmpty(reclaim) && !RECLAIM_POLICIES.contains(reclaim)) {
      errs.notSupported(field.child("persistentVolumeReclaimPolicy"), reclaim, RECLAIM_POLICIES);
    }
    if (spec.getNodeAffinity() != null) {
      if (spec.getNodeAffinity().getRequired() != null) {
        errs.addAll(SchedulingValidation.validateNodeSelector(spec.getNodeAffinity().getRequired(), false,
            field.child("nodeAffinity").child("required")));
      } else {
        errs.required(field.child("nodeAffinity").child("required"), "must specify required node constraints");
      }
    }
    int num = 0;
    for (Source s : SOURCES) {
      if (s.get().apply(spec) == null) {
        continue;
      }
      if (num > 0 && !s.field().equals("flexVolume")) {
        errs.forbidden(field.child(s.field()), "may not specify more than 1 volume type");
        continue;
      }
      num++;
      switch (s.field()) {
        case "hostPath" -> {
          if (isEmpty(spec.getHostPath().getPath())) {
            errs.required(field.child("hostPath").child("path"), "");
          }
        }
        case "nfs" -> {
          if (isEmpty(spec.getNfs().getServer())) {
            errs.required(field.child("nfs").child("server"), "");
          }
          String path = spec.getNfs().getPath() == null ? "" : spec.getNfs().getPath();
          if (path.isEmpty()) {
            errs.required(field.child("nfs").child("path"), "");
          }
          if (!path.startsWith("/")) {
            errs.invalid(field.child("nfs").child("path"), path, "must be an absolute path");
          }
        }
        case "local" -> {
          if (isEmpty(spec.getLocal().getPath())) {
            errs.required(field.child("local").child("path"), "");
          }
          if (spec.getNodeAffinity() == null) {
            errs.required(field.child("nodeAffinity"), "Local volume requires node affinity");
          }
        }
        case "csi" -> {
          if (isEmpty(spec.getCsi().getDriver())) {
            errs.required(field.child("csi").child("driver"), "");
          }
          if (isEmpty(spec.getCsi().getVolumeHandle())) {
            errs.required(field.child("csi").child("volumeHandle"), "");
          }
        }
        default -> { }
      }
    }
    if (num == 0) {
      errs.required(field, "must specify a volume type");
    }
    if (spec.getHostPath() != null && "/".equals(spec.getHostPath().getPath()) && "Recycle".equals(reclaim)) {
      errs.forbidden(field.child("persistentVolumeReclaimPolicy"), "may not be 'recycle' for a hostPath mount of '/'");
    }
    if (!isEmpty(spec.getStorageClassName())) {
      errs.invalidEach(field.child("storageClassName"), spec.getStorageClassName(),
          NameValidator.DNS_SUBDOMAIN.validate(spec.getStorageClassName(), false));
    }
    if (spec.getVolumeMode() != null && !List.of("Block", "Filesystem").contains(spec.getVolumeMode())) {
      errs.notSupported(field.child("volumeMode"), spec.getVolumeMode(), List.of("Block", "Filesystem"));
    }
    return errs;
  }

  /** Shared by volumes and claims; {@code requiredDetail} is the claim's "at least 1 access mode is required". */
  public static ErrorList validateAccessModes(List<String> modes, Path field, String requiredDetail) {
    ErrorList errs = new ErrorList();
    if (modes.isEmpty()) {
      errs.required(field, requiredDetail);
    }
    boolean oncePod = false;
    boolean other = false;
    for (String m : modes) {
      if (!ACCESS_MODES.contains(m)) {
        errs.notSupported(field, m, ACCESS_MODES);
      }
      if (m.equals("ReadWriteOncePod")) {
        oncePod = true;
      } else if (ACCESS_MODES.contains(m)) {
        other = true;
      }
    }
    if (oncePod && other) {
      errs.forbidden(field, "may not use ReadWriteOncePod with other access modes");
    }
    return errs;
  }

  private static PersistentVolumeSpec source(PersistentVolumeSpec spec) {
    PersistentVolumeSpec s = new PersistentVolumeSpecBuilder(spec).build();
    s.setAccessModes(null);
    s.setCapacity(null);
    s.setClaimRef(null);
    s.setMountOptions(null);
    s.setNodeAffinity(null);
    s.setPersistentVolumeReclaimPolicy(null);
    s.setStorageClassName(null);
    s.setVolumeMode(null);
    s.setVolumeAttributesClassName(null);
    return s;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
