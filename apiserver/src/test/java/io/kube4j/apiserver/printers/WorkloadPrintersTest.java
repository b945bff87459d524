package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Fixtures.NOW;
import static io.kube4j.apiserver.printers.Fixtures.meta;
import static io.kube4j.apiserver.printers.Fixtures.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.kube4j.apiserver.api.StatusException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadPrintersTest {

  record Case<T extends HasMetadata>(String name, TablePrinter<T> printer, T obj, List<Object> cells) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static PodTemplateSpec template() {
    return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.27").endContainer()
        .addNewContainer().withName("exporter").withImage("nginx/exporter:1.1").endContainer()
        .withNodeSelector(java.util.Map.of("kubernetes.io/os", "linux")).endSpec().build();
  }

  static Stream<Case<?>> workloads() {
    return Stream.of(
        new Case<>("deployment rolling out",
            new DeploymentPrinter(),
            new DeploymentBuilder().withMetadata(meta("web")).withNewSpec().withReplicas(3)
                .withSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web").build())
                .withTemplate(template()).endSpec()
                .withNewStatus().withReplicas(3).withReadyReplicas(2).withUpdatedReplicas(3).withAvailableReplicas(2)
                .endStatus().build(),
            List.of("web", "2/3", 3L, 2L, "5m", "nginx,exporter", "nginx:1.27,nginx/exporter:1.1", "app=web")),
        new Case<>("new deployment without status",
            new DeploymentPrinter(),
            new DeploymentBuilder().withMetadata(meta("web")).withNewSpec().withReplicas(1)
                .withSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web").addNewMatchExpression()
                    .withKey("tier").withOperator("In").withValues("front", "edge").endMatchExpression().build())
                .withTemplate(template()).endSpec().build(),
            List.of("web", "0/1", 0L, 0L, "5m", "nginx,exporter", "nginx:1.27,nginx/exporter:1.1",
                "app=web,tier in (edge,front)")),
        new Case<>("deployment with an empty selector prints an empty SELECTOR",
            new DeploymentPrinter(),
            new DeploymentBuilder().withMetadata(meta("web")).withNewSpec().withReplicas(0)
                .withNewSelector().endSelector().endSpec().build(),
            List.of("web", "0/0", 0L, 0L, "5m", "", "", "")),
        new Case<>("replica set",
            new ReplicaSetPrinter(),
            new ReplicaSetBuilder().withMetadata(meta("web-7d4b9c")).withNewSpec().withReplicas(3)
                .withSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web")
                    .addToMatchLabels("pod-template-hash", "7d4b9c").build())
                .withTemplate(template()).endSpec()
                .withNewStatus().withReplicas(3).withReadyReplicas(1).endStatus().build(),
            List.of("web-7d4b9c", 3L, 3L, 1L, "5m", "nginx,exporter", "nginx:1.27,nginx/exporter:1.1",
                "app=web,pod-template-hash=7d4b9c")),
        new Case<>("replica set with an empty selector prints <none>",
            new ReplicaSetPrinter(),
            new ReplicaSetBuilder().withMetadata(meta("rs")).withNewSpec().withReplicas(0).withNewSelector()
                .endSelector().endSpec().build(),
            List.of("rs", 0L, 0L, 0L, "5m", "", "", "<none>")),
        new Case<>("replication controller",
            new ReplicationControllerPrinter(),
            new ReplicationControllerBuilder().withMetadata(meta("legacy")).withNewSpec().withReplicas(2)
                .addToSelector("app", "legacy").withTemplate(template()).endSpec()
                .withNewStatus().withReplicas(2).withReadyReplicas(2).endStatus().build(),
            List.of("legacy", 2L, 2L, 2L, "5m", "nginx,exporter", "nginx:1.27,nginx/exporter:1.1", "app=legacy")),
        new Case<>("daemon set counts nodes",
            new DaemonSetPrinter(),
            new DaemonSetBuilder().withMetadata(meta("agent")).withNewSpec()
                .withSelector(new LabelSelectorBuilder().addToMatchLabels("app", "agent").build())
                .withTemplate(template()).endSpec()
                .withNewStatus().withDesiredNumberScheduled(3).withCurrentNumberScheduled(3).withNumberReady(2)
                .withUpdatedNumberScheduled(3).withNumberAvailable(2).endStatus().build(),
            List.of("agent", 3L, 3L, 2L, 3L, 2L, "kubernetes.io/os=linux", "5m", "nginx,exporter",
                "nginx:1.27,nginx/exporter:1.1", "app=agent")),
        new Case<>("stateful set",
            new StatefulSetPrinter(),
            new StatefulSetBuilder().withMetadata(meta("db")).withNewSpec().withReplicas(3)
                .withTemplate(template()).endSpec()
                .withNewStatus().withReplicas(2).withReadyReplicas(2).endStatus().build(),
            List.of("db", "2/3", "5m", "nginx,exporter", "nginx:1.27,nginx/exporter:1.1")),
        new Case<>("controller revision names its controller with kind and group",
            new ControllerRevisionPrinter(),
            new ControllerRevisionBuilder().withMetadata(meta("db-6c9f8")).editMetadata().addNewOwnerReference()
                .withApiVersion("apps/v1").withKind("StatefulSet").withName("db").withController(true)
                .withUid("u1").endOwnerReference().endMetadata().withRevision(2L).build(),
            List.of("db-6c9f8", "statefulset.apps/db", 2L, "5m")),
        new Case<>("controller revision of a core kind has no group",
            new ControllerRevisionPrinter(),
            new ControllerRevisionBuilder().withMetadata(meta("rev")).editMetadata()
                .addNewOwnerReference().withApiVersion("v1").withKind("Pod").withName("ignored").withUid("u0")
                .endOwnerReference()
                .addNewOwnerReference().withApiVersion("v1").withKind("ReplicationController").withName("rc")
                .withController(true).withUid("u1").endOwnerReference().endMetadata().withRevision(1L).build(),
            List.of("rev", "replicationcontroller/rc", 1L, "5m")),
        new Case<>("controller revision without a controller",
            new ControllerRevisionPrinter(),
            new ControllerRevisionBuilder().withMetadata(meta("rev")).withRevision(1L).build(),
            List.of("rev", "<none>", 1L, "5m")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  <T extends HasMetadata> void workloads(Case<T> c) {
    assertThat(c.printer().cells(c.obj(), NOW)).containsExactlyElementsOf(c.cells());
  }

  @Test
  void deploymentColumnsAreUpstreams() {
    assertThat(new DeploymentPrinter().columns()).extracting(TableColumnDefinition::name).containsExactly(
        "Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector");
    assertThat(new DeploymentPrinter().columns()).extracting(TableColumnDefinition::priority)
        .containsExactly(0, 0, 0, 0, 0, 1, 1, 1);
  }

  @Test
  void deploymentWithAnInvalidSelectorPrintsInvalid() {
    var d = new DeploymentBuilder().withMetadata(meta("web")).withNewSpec().withReplicas(1)
        .withSelector(new LabelSelectorBuilder().addNewMatchExpression().withKey("tier").withOperator("In")
            .endMatchExpression().build()).endSpec().build();

    assertThat(new DeploymentPrinter().cells(d, NOW).get(7)).isEqualTo("<invalid>");
  }

  @Test
  void controllerRevisionWithAMalformedOwnerApiVersionIsAnInternalError() {
    var cr = new ControllerRevisionBuilder().withMetadata(meta("rev")).editMetadata().addNewOwnerReference()
        .withApiVersion("a/b/c").withKind("X").withName("x").withController(true).withUid("u").endOwnerReference()
        .endMetadata().withRevision(1L).build();

    assertThatThrownBy(() -> new ControllerRevisionPrinter().cells(cr, NOW))
        .isInstanceOf(StatusException.class).hasMessage("Internal error occurred: unexpected GroupVersion string: a/b/c");
  }

  @Test
  void ageIsMeasuredFromCreationAgainstTheClockPassedIn() {
    var d = new DeploymentBuilder().withMetadata(meta("web")).editMetadata().withCreationTimestamp(minutesAgo(200))
        .endMetadata().withNewSpec().withReplicas(1).endSpec().build();

    assertThat(new DeploymentPrinter().cells(d, NOW).get(4)).isEqualTo("3h20m");
  }
}
