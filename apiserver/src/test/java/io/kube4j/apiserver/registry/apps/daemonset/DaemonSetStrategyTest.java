package io.kube4j.apiserver.registry.apps.daemonset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonSetStrategyTest {

  private final DaemonSetStrategy strategy = new DaemonSetStrategy();

  private DaemonSet ds() {
    DaemonSet ds = new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace("kube-system").endMetadata()
        .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "agent")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "agent")).endMetadata().withNewSpec()
        .addNewContainer().withName("agent").withImage("agent:1").endContainer().endSpec().endTemplate().endSpec().build();
    strategy.applyDefaults(ds);
    strategy.prepareForCreate(ds);
    return ds;
  }

  @Test
  void defaultsRollingUpdateOneUnavailableAndRecordsTemplateGeneration() {
    DaemonSet ds = ds();
    assertThat(ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(1));
    assertThat(ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString(0));
    assertThat(ds.getMetadata().getAnnotations()).containsEntry("deprecated.daemonset.template.generation", "1");
    assertThat(strategy.validate(ds)).isEmpty();
  }

  @Test
  void templateChangeBumpsBothGenerations() {
    DaemonSet old = ds();
    DaemonSet update = new DaemonSetBuilder(old).editSpec().editTemplate().editSpec().editFirstContainer()
        .withImage("agent:2").endContainer().endSpec().endTemplate().endSpec().build();
    strategy.prepareForUpdate(update, old);
    assertThat(update.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(update.getMetadata().getAnnotations()).containsEntry("deprecated.daemonset.template.generation", "2");
  }
}
