package io.kube4j.agent.kuberuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.agent.cri.v1.ContainerConfig;
import io.kube4j.agent.cri.v1.MountPropagation;
import io.kube4j.agent.cri.v1.SecurityProfile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerConfigsTest {

  private static final NodeFacts NODE = NodeFacts.defaults(8L << 30, List.of(), ResolvConf.EMPTY);
  private static final String IMAGE_ID = "sha256:" + "9".repeat(64);

  private static ContainerBuilder main() {
    return new ContainerBuilder().withName("main").withImage("busybox:1.36")
        .withTerminationMessagePath("/dev/termination-log").withTerminationMessagePolicy("File");
  }

  private static Pod pod(Container c) {
    return new PodBuilder().withNewMetadata().withName("web").withNamespace("shop").withUid("u1").endMetadata()
        .withNewSpec().withTerminationGracePeriodSeconds(30L).withContainers(c).endSpec().build();
  }

  private static ContainerConfig generate(Container c, Map<String, String> env) {
    return ContainerConfigs.generate(pod(c), c, 3, IMAGE_ID, RunContainerOptions.of(env), NODE);
  }

  @Test
  void commandAndArgsPassThroughWithVariablesExpanded() {
    Container c = main().withCommand("sh", "-c").withArgs("echo $(GREETING) $(UNSET) $$(GREETING)").build();

    ContainerConfig config = generate(c, Map.of("GREETING", "hello"));

    assertThat(config.getCommandList()).containsExactly("sh", "-c");
    assertThat(config.getArgsList()).containsExactly("echo hello $(UNSET) $(GREETING)");
  }

  @Test
  void argsAloneLeaveTheImageEntrypointAndNeitherLeaveBoth() {
    assertThat(generate(main().withArgs("httpd", "-f").build(), Map.of()).getCommandList()).isEmpty();
    ContainerConfig plain = generate(main().build(), Map.of());
    assertThat(plain.getCommandList()).isEmpty();
    assertThat(plain.getArgsList()).isEmpty();
  }

  @Test
  void imageIsTheRuntimesRefAndTheSpecsNameGoesAlong() {
    ContainerConfig config = generate(main().build(), Map.of());

    assertThat(config.getImage().getImage()).isEqualTo(IMAGE_ID);
    assertThat(config.getImage().getUserSpecifiedImage()).isEqualTo("busybox:1.36");
  }

  @Test
  void attemptLogPathLabelsAndAnnotationsFollowTheRestartCount() {
    ContainerConfig config = generate(main().withWorkingDir("/www").build(), Map.of());

    assertThat(config.getMetadata().getName()).isEqualTo("main");
    assertThat(config.getMetadata().getAttempt()).isEqualTo(3);
    assertThat(config.getLogPath()).isEqualTo("main/3.log");
    assertThat(config.getWorkingDir()).isEqualTo("/www");
    assertThat(config.getLabelsMap()).containsOnly(Map.entry(Labels.POD_NAME, "web"), Map.entry(Labels.POD_NAMESPACE, "shop"),
        Map.entry(Labels.POD_UID, "u1"), Map.entry(Labels.CONTAINER_NAME, "main"));
    assertThat(config.getAnnotationsMap()).containsEntry(Labels.CONTAINER_RESTART_COUNT, "3")
        .containsEntry(Labels.CONTAINER_TERMINATION_MESSAGE_PATH, "/dev/termination-log")
        .containsEntry(Labels.CONTAINER_TERMINATION_MESSAGE_POLICY, "File")
        .containsEntry(Labels.POD_TERMINATION_GRACE_PERIOD, "30")
        .containsEntry(Labels.CONTAINER_TYPE, "container")
        .containsKey(Labels.CONTAINER_HASH);
  }

  @Test
  void theHashChangesWithTheSpecOnly() {
    Container a = main().withArgs("a").build();

    assertThat(Labels.hashContainer(a)).isEqualTo(Labels.hashContainer(main().withArgs("a").build()));
    assertThat(Labels.hashContainer(a)).isNotEqualTo(Labels.hashContainer(main().withArgs("b").build()));
  }

  @Test
  void envKeepsItsOrder() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("B", "2");
    env.put("A", "1");

    ContainerConfig config = generate(main().build(), env);

    assertThat(config.getEnvsList()).extracting(kv -> kv.getKey() + "=" + kv.getValue().toStringUtf8())
        .containsExactly("B=2", "A=1");
  }

  @Test
  void resourcesAndOomScoreComeFromRequestsLimitsAndQos() {
    Container c = main().editOrNewResources().addToRequests("cpu", new Quantity("250m"))
        .addToRequests("memory", new Quantity("1Gi")).addToLimits("cpu", new Quantity("500m"))
        .addToLimits("memory", new Quantity("2Gi")).endResources().build();

    var r = generate(c, Map.of()).getLinux().getResources();

    assertThat(r.getCpuShares()).isEqualTo(256);
    assertThat(r.getCpuQuota()).isEqualTo(50_000);
    assertThat(r.getCpuPeriod()).isEqualTo(100_000);
    assertThat(r.getMemoryLimitInBytes()).isEqualTo(2L << 30);
    assertThat(r.getOomScoreAdj()).as("burstable, 1 GiB of 8").isEqualTo(875);
  }

  @Test
  void containerSecurityContextOverridesThePods() {
    Container c = main().withNewSecurityContext().withRunAsUser(1001L).withReadOnlyRootFilesystem(true)
        .withAllowPrivilegeEscalation(false).withNewCapabilities().withAdd("NET_ADMIN").withDrop("ALL").endCapabilities()
        .endSecurityContext().build();
    Pod pod = new PodBuilder(pod(c)).editSpec().withNewSecurityContext().withRunAsUser(1000L).withRunAsGroup(3000L)
        .withFsGroup(2000L).endSecurityContext().endSpec().build();

    var sc = ContainerConfigs.generate(pod, c, 0, IMAGE_ID, RunContainerOptions.of(Map.of()), NODE).getLinux()
        .getSecurityContext();

    assertThat(sc.getRunAsUser().getValue()).isEqualTo(1001);
    assertThat(sc.getRunAsGroup().getValue()).isEqualTo(3000);
    assertThat(sc.getReadonlyRootfs()).isTrue();
    assertThat(sc.getNoNewPrivs()).isTrue();
    assertThat(sc.getPrivileged()).isFalse();
    assertThat(sc.getCapabilities().getAddCapabilitiesList()).containsExactly("NET_ADMIN");
    assertThat(sc.getCapabilities().getDropCapabilitiesList()).containsExactly("ALL");
    assertThat(sc.getSupplementalGroupsList()).containsExactly(2000L);
    assertThat(sc.getMaskedPathsList()).contains("/proc/kcore");
    assertThat(sc.getSeccomp().getProfileType()).as("kubelet's seccompDefault is off").isEqualTo(SecurityProfile.ProfileType.Unconfined);
  }

  @Test
  void privilegedAndSeccompProfilesAreCarried() {
    Container c = main().withNewSecurityContext().withPrivileged(true).withNewSeccompProfile().withType("Localhost")
        .withLocalhostProfile("audit.json").endSeccompProfile().endSecurityContext().build();

    var sc = generate(c, Map.of()).getLinux().getSecurityContext();

    assertThat(sc.getPrivileged()).isTrue();
    assertThat(sc.getSeccomp().getProfileType()).isEqualTo(SecurityProfile.ProfileType.Localhost);
    assertThat(sc.getSeccomp().getLocalhostRef()).isEqualTo("/var/lib/kubelet/seccomp/audit.json");
  }

  @Test
  void volumeMountsLandOnTheirHostPathsWithTerminationLogAndEtcHosts() {
    Container c = main().addNewVolumeMount().withName("data").withMountPath("/data").withSubPath("sub")
        .withReadOnly(true).withMountPropagation("HostToContainer").endVolumeMount().build();
    RunContainerOptions opts = new RunContainerOptions(Map.of(), Map.of("data", Path.of("/var/lib/kube4j/pods/u1/volumes/data")),
        Path.of("/var/lib/kube4j/pods/u1/containers/main/abcd"), Path.of("/var/lib/kube4j/pods/u1/etc-hosts"));

    var mounts = ContainerConfigs.generate(pod(c), c, 0, IMAGE_ID, opts, NODE).getMountsList();

    assertThat(mounts).hasSize(3);
    assertThat(mounts.get(0).getContainerPath()).isEqualTo("/data");
    assertThat(mounts.get(0).getHostPath()).isEqualTo("/var/lib/kube4j/pods/u1/volumes/data/sub");
    assertThat(mounts.get(0).getReadonly()).isTrue();
    assertThat(mounts.get(0).getPropagation()).isEqualTo(MountPropagation.PROPAGATION_HOST_TO_CONTAINER);
    assertThat(mounts.get(1).getContainerPath()).isEqualTo("/dev/termination-log");
    assertThat(mounts.get(2).getContainerPath()).isEqualTo("/etc/hosts");
  }

  @Test
  void aMountOfAnUnknownVolumeOrAnEscapingSubPathIsAConfigError() {
    Container unknown = main().addNewVolumeMount().withName("nope").withMountPath("/x").endVolumeMount().build();
    Container escaping = main().addNewVolumeMount().withName("data").withMountPath("/x").withSubPath("../etc").endVolumeMount().build();
    RunContainerOptions opts = new RunContainerOptions(Map.of(), Map.of("data", Path.of("/v")), null, null);

    assertThatThrownBy(() -> ContainerConfigs.generate(pod(unknown), unknown, 0, IMAGE_ID, opts, NODE))
        .isInstanceOf(CreateContainerConfigException.class)
        .hasMessage("cannot find volume \"nope\" to mount into container \"main\"");
    assertThatThrownBy(() -> ContainerConfigs.generate(pod(escaping), escaping, 0, IMAGE_ID, opts, NODE))
        .hasMessageContaining("without '..'");
  }

  @Test
  void etcHostsListsThePodIpsUnderItsHostnameAndTheAliases() {
    Pod pod = new PodBuilder(pod(main().build())).editSpec().addNewHostAlias().withIp("10.1.2.3")
        .withHostnames("foo.local", "bar.local").endHostAlias().endSpec().build();

    String hosts = EtcHosts.render(pod, List.of("10.88.0.5"), "cluster.local");

    assertThat(hosts).startsWith("# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n")
        .contains("10.88.0.5\tweb\n")
        .endsWith("# Entries added by HostAliases.\n10.1.2.3\tfoo.local\tbar.local\n");
  }
}
