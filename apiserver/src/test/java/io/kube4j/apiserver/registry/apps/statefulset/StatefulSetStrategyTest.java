package io.kube4j.apiserver.registry.apps.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.kube4j.apiserver.api.FieldError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatefulSetStrategyTest {

  private final StatefulSetStrategy strategy = new StatefulSetStrategy();

  private StatefulSet sts() {
    StatefulSet s = new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace("default").endMetadata()
        .withNewSpec().withServiceName("db").withNewSelector().withMatchLabels(Map.of("app", "db")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "db")).endMetadata().withNewSpec()
        .addNewContainer().withName("db").withImage("postgres:16").endContainer().endSpec().endTemplate()
        .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata().withNewSpec()
        .withAccessModes("ReadWriteOnce").endSpec().endVolumeClaimTemplate().endSpec().build();
    strategy.applyDefaults(s);
    strategy.prepareForCreate(s);
    return s;
  }

  @Test
  void defaultsAsUpstream() {
    var spec = sts().getSpec();
    assertThat(spec.getPodManagementPolicy()).isEqualTo("OrderedReady");
    assertThat(spec.getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(spec.getUpdateStrategy().getRollingUpdate().getPartition()).isZero();
    assertThat(spec.getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
    assertThat(spec.getReplicas()).isEqualTo(1);
    assertThat(spec.getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(spec.getVolumeClaimTemplates().get(0).getStatus().getPhase()).isEqualTo("Pending");
    assertThat(spec.getVolumeClaimTemplates().get(0).getSpec().getVolumeMode()).isEqualTo("Filesystem");
  }

  @Test
  void onlySomeSpecFieldsMayChange() {
    StatefulSet old = sts();
    old.getMetadata().setResourceVersion("1");
    StatefulSet update = new StatefulSetBuilder(old).editSpec().withServiceName("other").endSpec().build();
    assertThat(strategy.validateUpdate(update, old)).extracting(FieldError::message).containsExactly(
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "
            + "'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
    StatefulSet scaled = new StatefulSetBuilder(old).editSpec().withReplicas(3).endSpec().build();
    assertThat(strategy.validateUpdate(scaled, old)).isEmpty();
  }
}
