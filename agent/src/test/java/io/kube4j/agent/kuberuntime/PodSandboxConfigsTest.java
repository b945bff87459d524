package io.kube4j.agent.kuberuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.agent.cri.v1.NamespaceMode;
import io.kube4j.agent.cri.v1.PodSandboxConfig;
import io.kube4j.agent.cri.v1.Protocol;
import io.kube4j.agent.cri.v1.SecurityProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSandboxConfigsTest {

  private static final NodeFacts NODE = NodeFacts.defaults(8L << 30, List.of("10.96.0.10"), ResolvConf.EMPTY)
      .withPodLogsRoot(Path.of("/var/log/pods")).withCgroupRoot("/kube4j");

  private static PodBuilder pod() {
    return new PodBuilder().withNewMetadata().withName("web").withNamespace("shop").withUid("0b1c")
        .addToLabels("app", "web").addToAnnotations("note", "hi").endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("busybox")
        .addNewPort().withName("http").withContainerPort(8080).endPort()
        .addNewPort().withContainerPort(53).withProtocol("UDP").withHostPort(5353).endPort()
        .endContainer().endSpec();
  }

  @Test
  void metadataLabelsAnnotationsAndLogDirectoryNameThePod() {
    PodSandboxConfig config = PodSandboxConfigs.generate(pod().build(), 2, NODE);

    assertThat(config.getMetadata().getName()).isEqualTo("web");
    assertThat(config.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(config.getMetadata().getUid()).isEqualTo("0b1c");
    assertThat(config.getMetadata().getAttempt()).isEqualTo(2);
    assertThat(config.getLabelsMap()).containsEntry("app", "web").containsEntry(Labels.POD_NAME, "web")
        .containsEntry(Labels.POD_NAMESPACE, "shop").containsEntry(Labels.POD_UID, "0b1c");
    assertThat(config.getAnnotationsMap()).containsEntry("note", "hi");
    assertThat(config.getLogDirectory()).isEqualTo("/var/log/pods/shop_web_0b1c");
    assertThat(config.getHostname()).isEqualTo("web");
    assertThat(config.getDnsConfig().getServersList()).containsExactly("10.96.0.10");
  }

  @Test
  void everyContainerPortBecomesAPortMapping() {
    PodSandboxConfig config = PodSandboxConfigs.generate(pod().build(), 0, NODE);

    assertThat(config.getPortMappingsList()).hasSize(2);
    assertThat(config.getPortMappings(0).getContainerPort()).isEqualTo(8080);
    assertThat(config.getPortMappings(0).getHostPort()).isZero();
    assertThat(config.getPortMappings(1).getProtocol()).isEqualTo(Protocol.UDP);
    assertThat(config.getPortMappings(1).getHostPort()).isEqualTo(5353);
  }

  @Test
  void podNamespacesAndCgroupParentByQosClass() {
    PodSandboxConfig config = PodSandboxConfigs.generate(pod().build(), 0, NODE);

    var linux = config.getLinux();
    assertThat(linux.getCgroupParent()).isEqualTo("/kube4j/kubepods/besteffort/pod0b1c");
    assertThat(linux.getSecurityContext().getNamespaceOptions().getNetwork()).isEqualTo(NamespaceMode.POD);
    assertThat(linux.getSecurityContext().getNamespaceOptions().getPid()).isEqualTo(NamespaceMode.CONTAINER);
    assertThat(linux.getSecurityContext().getNamespaceOptions().getIpc()).isEqualTo(NamespaceMode.POD);
    assertThat(linux.getSecurityContext().getSeccomp().getProfileType()).isEqualTo(SecurityProfile.ProfileType.RuntimeDefault);
    assertThat(linux.getSecurityContext().getPrivileged()).isFalse();
  }

  @Test
  void aHostNetworkPodHasNoHostnameAndTheNodesNamespaces() {
    PodSandboxConfig config = PodSandboxConfigs.generate(pod().editSpec().withHostNetwork(true).withHostPID(true)
        .withHostIPC(true).endSpec().build(), 0, NODE);

    assertThat(config.getHostname()).as("runc cannot set a hostname in the node's UTS namespace").isEmpty();
    var ns = config.getLinux().getSecurityContext().getNamespaceOptions();
    assertThat(ns.getNetwork()).isEqualTo(NamespaceMode.NODE);
    assertThat(ns.getPid()).isEqualTo(NamespaceMode.NODE);
    assertThat(ns.getIpc()).isEqualTo(NamespaceMode.NODE);
  }

  @Test
  void sharedProcessNamespaceGivesThePodOne() {
    var config = PodSandboxConfigs.generate(pod().editSpec().withShareProcessNamespace(true).endSpec().build(), 0, NODE);

    assertThat(config.getLinux().getSecurityContext().getNamespaceOptions().getPid()).isEqualTo(NamespaceMode.POD);
  }

  @Test
  void podSecurityContextGivesUserGroupsAndSysctls() {
    var config = PodSandboxConfigs.generate(pod().editSpec().withNewSecurityContext().withRunAsUser(1000L)
        .withRunAsGroup(3000L).withFsGroup(2000L).withSupplementalGroups(4000L)
        .addNewSysctl().withName("net.ipv4.ip_unprivileged_port_start").withValue("0").endSysctl()
        .endSecurityContext().endSpec().build(), 0, NODE);

    var sc = config.getLinux().getSecurityContext();
    assertThat(sc.getRunAsUser().getValue()).isEqualTo(1000);
    assertThat(sc.getRunAsGroup().getValue()).isEqualTo(3000);
    assertThat(sc.getSupplementalGroupsList()).containsExactly(2000L, 4000L);
    assertThat(config.getLinux().getSysctlsMap()).containsEntry("net.ipv4.ip_unprivileged_port_start", "0");
  }

  @Test
  void aGuaranteedPodSitsDirectlyUnderKubepods() {
    var config = PodSandboxConfigs.generate(pod().editSpec().editFirstContainer().editOrNewResources()
        .addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("1Gi")).endResources()
        .endContainer().endSpec().build(), 0, NODE);

    assertThat(config.getLinux().getCgroupParent()).isEqualTo("/kube4j/kubepods/pod0b1c");
  }

  @Test
  void hostnameIsSpecHostnameCutTo63CharactersOrTheFqdn() {
    String longName = "a".repeat(62) + "-b";
    assertThat(PodSandboxConfigs.hostname(pod().editMetadata().withName(longName).endMetadata().build(), "cluster.local"))
        .isEqualTo("a".repeat(62));
    assertThat(PodSandboxConfigs.hostname(pod().editSpec().withHostname("db-0").withSubdomain("db")
        .withSetHostnameAsFQDN(true).endSpec().build(), "cluster.local")).isEqualTo("db-0.db.shop.svc.cluster.local");
    assertThatThrownBy(() -> PodSandboxConfigs.hostname(pod().editSpec().withHostname("h".repeat(40)).withSubdomain("db")
        .withSetHostnameAsFQDN(true).endSpec().build(), "cluster.local")).hasMessageContaining("is too long");
  }
}
