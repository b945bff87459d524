package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Formats.orEmpty;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import java.time.Instant;
import java.util.List;

/**
 * {@code kubectl get persistentvolumeclaims}: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS
 * VOLUMEATTRIBUTESCLASS AGE | VOLUMEMODE. CAPACITY and ACCESS MODES are those of the bound volume, so
 * they stay empty until {@code spec.volumeName} is set.
 */
final class PersistentVolumeClaimPrinter implements TablePrinter<PersistentVolumeClaim> {

  private static final List<TableColumnDefinition> COLUMNS = List.of(
      Columns.name(),
      Columns.string("Status", "phase represents the current phase of PersistentVolumeClaim."),
      Columns.string("Volume", "volumeName is the binding reference to the PersistentVolume backing this"
          + " claim."),
      Columns.string("Capacity", "capacity represents the actual resources of the underlying volume."),
      Columns.string("Access Modes", "accessModes contains the actual access modes the volume backing the PVC"
          + " has."),
      Columns.string("StorageClass", "StorageClass of the pvc"),
      Columns.string("VolumeAttributesClass", "VolumeAttributesClass of the pvc"),
      Columns.age(),
      Columns.wide("VolumeMode", "volumeMode defines what type of volume is required by the claim. Value of"
          + " Filesystem is implied when not included in claim spec."));

  @Override
  public List<TableColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PersistentVolumeClaim pvc, Instant now) {
    PersistentVolumeClaimSpec spec = pvc.getSpec() == null ? new PersistentVolumeClaimSpec() : pvc.getSpec();
    PersistentVolumeClaimStatus status = pvc.getStatus() == null ? new PersistentVolumeClaimStatus() : pvc.getStatus();
    String phase = Formats.isDeleting(pvc) ? "Terminating" : orEmpty(status.getPhase());
    String capacity = "";
    String accessModes = "";
    if (!orEmpty(spec.getVolumeName()).isEmpty()) {
      accessModes = Formats.accessModes(status.getAccessModes());
      capacity = Formats.quantity(orEmpty(status.getCapacity()).get("storage"));
    }
    return List.of(
        Formats.name(pvc),
        phase,
        orEmpty(spec.getVolumeName()),
        capacity,
        accessModes,
        PersistentVolumePrinter.storageClass(pvc, spec.getStorageClassName()),
        spec.getVolumeAttributesClassName() == null ? Formats.UNSET : spec.getVolumeAttributesClassName(),
        Formats.age(pvc, now),
        spec.getVolumeMode() == null ? Formats.UNSET : spec.getVolumeMode());
  }
}
