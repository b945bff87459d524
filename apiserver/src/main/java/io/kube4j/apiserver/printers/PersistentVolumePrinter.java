package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Formats.orEmpty;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl get persistentvolumes}: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM
 * STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE | VOLUMEMODE. A port of {@code printPersistentVolume};
 * a volume being deleted shows STATUS {@code Terminating}.
 */
final class PersistentVolumePrinter implements TablePrinter<PersistentVolume> {

  /** {@code core.BetaStorageClassAnnotation}: the pre-1.6 way to name a class; it still takes precedence. */
  static final String BETA_STORAGE_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Capacity", "capacity is the description of the persistent volume's resources and"
          + " capacity."),
      Columns.string("Access Modes", "accessModes contains all ways the volume can be mounted."),
      Columns.string("Reclaim Policy", "persistentVolumeReclaimPolicy defines what happens to a persistent volume"
          + " when released from its claim."),
      Columns.string("Status", "phase indicates if a volume is available, bound to a claim, or released by a"
          + " claim."),
      Columns.string("Claim", "claimRef is part of a bi-directional binding between PersistentVolume and"
          + " PersistentVolumeClaim."),
      Columns.string("StorageClass", "StorageClass of the pv"),
      Columns.string("VolumeAttributesClass", "VolumeAttributesClass of the pv"),
      Columns.string("Reason", "reason is a brief CamelCase string that describes any failure and is meant for"
          + " machine parsing and tidy display in the CLI."),
      Columns.age(),
      Columns.wide("VolumeMode", "volumeMode defines if a volume is intended to be used with a formatted"
          + " filesystem or to remain in raw block state."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PersistentVolume pv, Instant now) {
    PersistentVolumeSpec spec = pv.getSpec() == null ? new PersistentVolumeSpec() : pv.getSpec();
    ObjectReference claimRef = spec.getClaimRef();
    String claim = claimRef == null ? "" : orEmpty(claimRef.getNamespace()) + "/" + orEmpty(claimRef.getName());
    String phase = Formats.isDeleting(pv) ? "Terminating"
        : pv.getStatus() == null ? "" : orEmpty(pv.getStatus().getPhase());
    return List.of(
        Formats.name(pv),
        Formats.quantity(orEmpty(spec.getCapacity()).get("storage")),
        Formats.accessModes(spec.getAccessModes()),
        orEmpty(spec.getPersistentVolumeReclaimPolicy()),
        phase,
        claim,
        storageClass(pv, spec.getStorageClassName()),
        spec.getVolumeAttributesClassName() == null ? Formats.UNSET : spec.getVolumeAttributesClassName(),
        pv.getStatus() == null ? "" : orEmpty(pv.getStatus().getReason()),
        Formats.age(pv, now),
        spec.getVolumeMode() == null ? Formats.UNSET : spec.getVolumeMode());
  }

  /** {@code GetPersistentVolumeClass} / {@code GetPersistentVolumeClaimClass}: the beta annotation first. */
  static String storageClass(HasMetadata obj, String storageClassName) {
    Map<String, String> annotations =
        obj.getMetadata() == null ? Map.of() : orEmpty(obj.getMetadata().getAnnotations());
    if (annotations.containsKey(BETA_STORAGE_CLASS_ANNOTATION)) {
      return orEmpty(annotations.get(BETA_STORAGE_CLASS_ANNOTATION));
    }
    return orEmpty(storageClassName);
  }
}
