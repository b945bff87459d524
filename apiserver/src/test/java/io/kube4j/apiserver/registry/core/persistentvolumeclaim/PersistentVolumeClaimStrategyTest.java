package io.kube4j.apiserver.registry.core.persistentvolumeclaim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.apiserver.api.FieldError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersistentVolumeClaimStrategyTest {

  private final PersistentVolumeClaimStrategy strategy = new PersistentVolumeClaimStrategy();

  @Test
  void claimIsPendingFilesystemAndNeedsAccessModesAndStorage() {
    PersistentVolumeClaim pvc = new PersistentVolumeClaimBuilder().withNewMetadata().withName("data")
        .withNamespace("default").endMetadata().withNewSpec().endSpec().build();
    strategy.applyDefaults(pvc);
    strategy.prepareForCreate(pvc);
    assertThat(pvc.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(pvc.getSpec().getVolumeMode()).isEqualTo("Filesystem");
    assertThat(strategy.validate(pvc)).extracting(FieldError::message).containsExactly(
        "spec.accessModes: Required value: at least 1 access mode is required",
        "spec.resources[storage]: Required value");
    pvc.getSpec().setAccessModes(java.util.List.of("ReadWriteOnce"));
    pvc.getSpec().setResources(new io.fabric8.kubernetes.api.model.VolumeResourceRequirements(null,
        Map.of("storage", new Quantity("1Gi"))));
    assertThat(strategy.validate(pvc)).isEmpty();
  }
}
