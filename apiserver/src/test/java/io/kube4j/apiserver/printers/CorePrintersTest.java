package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Fixtures.NOW;
import static io.kube4j.apiserver.printers.Fixtures.meta;
import static io.kube4j.apiserver.printers.Fixtures.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The printers with few rules: one table of objects and the exact cells kubectl shows for them. */
class CorePrintersTest {

  record Case<T extends HasMetadata>(String name, TablePrinter<? super T> printer, T obj, List<Object> cells) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case<?>> printers() {
    return Stream.of(
        new Case<>("active namespace", new NamespacePrinter(),
            new NamespaceBuilder().withMetadata(meta("team-a")).withNewStatus().withPhase("Active").endStatus()
                .build(),
            List.of("team-a", "Active", "5m")),
        new Case<>("terminating namespace", new NamespacePrinter(),
            new NamespaceBuilder().withMetadata(meta("old")).withNewStatus().withPhase("Terminating").endStatus()
                .build(),
            List.of("old", "Terminating", "5m")),
        new Case<>("config map counts data and binary data", new ConfigMapPrinter(),
            new ConfigMapBuilder().withMetadata(meta("cfg")).withData(Map.of("a", "1", "b", "2"))
                .withBinaryData(Map.of("c", "AAE=")).build(),
            List.of("cfg", 3L, "5m")),
        new Case<>("empty config map", new ConfigMapPrinter(),
            new ConfigMapBuilder().withMetadata(meta("kube-root-ca.crt")).build(),
            List.of("kube-root-ca.crt", 0L, "5m")),
        new Case<>("secret", new SecretPrinter(),
            new SecretBuilder().withMetadata(meta("tls")).withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", "Y2VydA==", "tls.key", "a2V5")).build(),
            List.of("tls", "kubernetes.io/tls", 2L, "5m")),
        new Case<>("service account", new ServiceAccountPrinter(),
            new ServiceAccountBuilder().withMetadata(meta("default")).build(),
            List.of("default", 0L, "5m")),
        new Case<>("endpoints list ip:port pairs, at most three", new EndpointsPrinter(),
            new EndpointsBuilder().withMetadata(meta("web")).addNewSubset()
                .addNewAddress().withIp("10.244.1.5").endAddress().addNewAddress().withIp("10.244.2.9").endAddress()
                .addNewPort().withName("http").withPort(8080).endPort()
                .addNewPort().withName("metrics").withPort(9090).endPort().endSubset().build(),
            List.of("web", "10.244.1.5:8080,10.244.2.9:8080,10.244.1.5:9090 + 1 more...", "5m")),
        new Case<>("endpoints of a headless service without ports, IPv6 bracketed with ports",
            new EndpointsPrinter(),
            new EndpointsBuilder().withMetadata(meta("db")).addNewSubset().addNewAddress().withIp("10.244.1.5")
                .endAddress().endSubset().addNewSubset().addNewAddress().withIp("fd00::5").endAddress()
                .addNewPort().withPort(5432).endPort().endSubset().build(),
            List.of("db", "10.244.1.5,[fd00::5]:5432", "5m")),
        new Case<>("endpoints without subsets", new EndpointsPrinter(),
            new EndpointsBuilder().withMetadata(meta("none")).build(),
            List.of("none", "<none>", "5m")),
        new Case<>("endpoint slice", new EndpointSlicePrinter(),
            new EndpointSliceBuilder().withMetadata(meta("web-x7k2p")).withAddressType("IPv4")
                .addNewPort().withName("http").withPort(8080).endPort().addNewPort().withName("grpc").endPort()
                .addNewEndpoint().withAddresses("10.244.1.5").endEndpoint()
                .addNewEndpoint().withAddresses("10.244.2.9").endEndpoint().build(),
            List.of("web-x7k2p", "IPv4", "8080,grpc", "10.244.1.5,10.244.2.9", "5m")),
        new Case<>("empty endpoint slice", new EndpointSlicePrinter(),
            new EndpointSliceBuilder().withMetadata(meta("empty")).withAddressType("IPv6").build(),
            List.of("empty", "IPv6", "<unset>", "<unset>", "5m")),
        new Case<>("bound persistent volume", new PersistentVolumePrinter(),
            new PersistentVolumeBuilder().withMetadata(meta("pv-1")).withNewSpec()
                .withCapacity(Map.of("storage", new Quantity("10Gi")))
                .withAccessModes("ReadWriteMany", "ReadWriteOnce", "ReadWriteOnce")
                .withPersistentVolumeReclaimPolicy("Retain").withStorageClassName("standard")
                .withNewClaimRef().withNamespace("default").withName("data").endClaimRef().endSpec()
                .withNewStatus().withPhase("Bound").endStatus().build(),
            List.of("pv-1", "10Gi", "RWO,RWX", "Retain", "Bound", "default/data", "standard", "<unset>", "", "5m",
                "<unset>")),
        new Case<>("persistent volume being deleted, class from the beta annotation",
            new PersistentVolumePrinter(),
            new PersistentVolumeBuilder().withMetadata(meta("pv-2")).editMetadata()
                .withDeletionTimestamp(minutesAgo(0))
                .addToAnnotations("volume.beta.kubernetes.io/storage-class", "slow").endMetadata()
                .withNewSpec().withStorageClassName("standard").withVolumeMode("Block").endSpec()
                .withNewStatus().withPhase("Released").withReason("Oops").endStatus().build(),
            List.of("pv-2", "0", "", "", "Terminating", "", "slow", "<unset>", "Oops", "5m", "Block")),
        new Case<>("pending claim shows no capacity", new PersistentVolumeClaimPrinter(),
            new PersistentVolumeClaimBuilder().withMetadata(meta("data")).withNewSpec()
                .withAccessModes("ReadWriteOnce").withStorageClassName("standard").withNewResources()
                .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
                .withNewStatus().withPhase("Pending").endStatus().build(),
            List.of("data", "Pending", "", "", "", "standard", "<unset>", "5m", "<unset>")),
        new Case<>("bound claim shows the volume's capacity", new PersistentVolumeClaimPrinter(),
            new PersistentVolumeClaimBuilder().withMetadata(meta("data")).withNewSpec()
                .withAccessModes("ReadWriteOnce").withStorageClassName("standard").withVolumeName("pv-1")
                .withVolumeMode("Filesystem").endSpec()
                .withNewStatus().withPhase("Bound").withAccessModes("ReadWriteOnce")
                .withCapacity(Map.of("storage", new Quantity("10Gi"))).endStatus().build(),
            List.of("data", "Bound", "pv-1", "10Gi", "RWO", "standard", "<unset>", "5m", "Filesystem")),
        new Case<>("resource quota splits requests and limits", new ResourceQuotaPrinter(),
            new ResourceQuotaBuilder().withMetadata(meta("compute")).withNewStatus()
                .addToHard("requests.cpu", new Quantity("4")).addToHard("pods", new Quantity("10"))
                .addToHard("limits.memory", new Quantity("8Gi")).addToHard("limits.cpu", new Quantity("8"))
                .addToUsed("requests.cpu", new Quantity("500m")).addToUsed("pods", new Quantity("3"))
                .addToUsed("limits.cpu", new Quantity("1")).endStatus().build(),
            List.of("compute", "pods: 3/10, requests.cpu: 500m/4", "limits.cpu: 1/8, limits.memory: 0/8Gi", "5m")),
        new Case<>("node lease", new LeasePrinter(),
            new LeaseBuilder().withMetadata(meta("node-1")).withNewSpec().withHolderIdentity("node-1")
                .withLeaseDurationSeconds(40).endSpec().build(),
            List.of("node-1", "node-1", "5m")),
        new Case<>("lease without holder", new LeasePrinter(),
            new LeaseBuilder().withMetadata(meta("free")).withNewSpec().endSpec().build(),
            List.of("free", "", "5m")),
        new Case<>("pod disruption budget with minAvailable", new PodDisruptionBudgetPrinter(),
            new PodDisruptionBudgetBuilder().withMetadata(meta("web")).withNewSpec()
                .withMinAvailable(new IntOrString(2)).endSpec()
                .withNewStatus().withDisruptionsAllowed(1).endStatus().build(),
            List.of("web", "2", "N/A", 1L, "5m")),
        new Case<>("pod disruption budget with a percentage", new PodDisruptionBudgetPrinter(),
            new PodDisruptionBudgetBuilder().withMetadata(meta("web")).withNewSpec()
                .withMaxUnavailable(new IntOrString("25%")).endSpec().build(),
            List.of("web", "N/A", "25%", 0L, "5m")),
        new Case<>("priority class", new PriorityClassPrinter(),
            new PriorityClassBuilder().withMetadata(meta("system-node-critical")).withValue(2000001000)
                .withPreemptionPolicy("PreemptLowerPriority").build(),
            List.of("system-node-critical", 2000001000L, false, "5m", "PreemptLowerPriority")),
        new Case<>("pod template", new PodTemplatePrinter(),
            new PodTemplateBuilder().withMetadata(meta("tpl")).withNewTemplate().withNewMetadata()
                .addToLabels("app", "web").addToLabels("tier", "front").endMetadata().withNewSpec()
                .addNewContainer().withName("nginx").withImage("nginx:1.27").endContainer().endSpec().endTemplate()
                .build(),
            List.of("tpl", "nginx", "nginx:1.27", "app=web,tier=front")),
        new Case<>("limit range has no printer upstream: name and creation time", new ObjectMetaTablePrinter(),
            new LimitRangeBuilder().withMetadata(meta("limits")).editMetadata()
                .withCreationTimestamp("2025-03-01T11:55:00.250Z").endMetadata().build(),
            List.of("limits", "2025-03-01T11:55:00Z")),
        new Case<>("object without creation time prints Go's zero time", new ObjectMetaTablePrinter(),
            new LimitRangeBuilder().withNewMetadata().withName("x").endMetadata().build(),
            List.of("x", "0001-01-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @SuppressWarnings({"unchecked", "rawtypes"})
  void printers(Case c) {
    assertThat(c.printer().cells(c.obj(), NOW)).containsExactlyElementsOf(c.cells());
  }
}
