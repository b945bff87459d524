package io.kube4j.agent.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.kube4j.agent.cri.testing.FakeCri;
import io.kube4j.agent.cri.v1.AttachRequest;
import io.kube4j.agent.cri.v1.ContainerConfig;
import io.kube4j.agent.cri.v1.ContainerFilter;
import io.kube4j.agent.cri.v1.ContainerMetadata;
import io.kube4j.agent.cri.v1.ContainerState;
import io.kube4j.agent.cri.v1.ContainerStatsFilter;
import io.kube4j.agent.cri.v1.ExecRequest;
import io.kube4j.agent.cri.v1.ExecSyncRequest;
import io.kube4j.agent.cri.v1.ExecSyncResponse;
import io.kube4j.agent.cri.v1.ImageSpec;
import io.kube4j.agent.cri.v1.PodSandboxConfig;
import io.kube4j.agent.cri.v1.PodSandboxFilter;
import io.kube4j.agent.cri.v1.PodSandboxMetadata;
import io.kube4j.agent.cri.v1.PodSandboxState;
import io.kube4j.agent.cri.v1.StopContainerRequest;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteRuntimeServiceTest {

  private final FakeCri cri = FakeCri.start();
  private final RemoteRuntimeService runtime = cri.connection().runtime();

  @AfterEach
  void close() {
    cri.close();
  }

  private static PodSandboxConfig sandboxConfig(String name, String uid) {
    return PodSandboxConfig.newBuilder()
        .setMetadata(PodSandboxMetadata.newBuilder().setName(name).setNamespace("default").setUid(uid))
        .putLabels("io.kubernetes.pod.uid", uid).build();
  }

  private static ContainerConfig containerConfig(String name) {
    return ContainerConfig.newBuilder().setMetadata(ContainerMetadata.newBuilder().setName(name))
        .setImage(ImageSpec.newBuilder().setImage("busybox")).putLabels("io.kubernetes.container.name", name).build();
  }

  @Test
  void versionSendsKubeletsApiVersionAndReturnsTheRuntimes() {
    var version = runtime.version();

    assertThat(version.getRuntimeName()).isEqualTo("fake");
    assertThat(version.getRuntimeApiVersion()).isEqualTo("v1");
    assertThat(cri.runtime.requests).first().hasToString("version: \"0.1.0\"\n");
  }

  @Test
  void statusReportsRuntimeAndNetworkConditions() {
    assertThat(runtime.status(false).getStatus().getConditionsList())
        .extracting(c -> c.getType()).containsExactly("RuntimeReady", "NetworkReady");
  }

  @Test
  void sandboxGoesFromReadyToNotReadyToGone() {
    String id = runtime.runPodSandbox(sandboxConfig("web", "u1"), null);

    assertThat(runtime.podSandboxStatus(id, false).getStatus().getState()).isEqualTo(PodSandboxState.SANDBOX_READY);
    assertThat(runtime.podSandboxStatus(id, false).getStatus().getNetwork().getIp()).startsWith("10.88.0.");
    assertThat(runtime.listPodSandbox(null)).extracting(s -> s.getId()).containsExactly(id);

    runtime.stopPodSandbox(id);
    assertThat(runtime.podSandboxStatus(id, false).getStatus().getState()).isEqualTo(PodSandboxState.SANDBOX_NOTREADY);

    runtime.removePodSandbox(id);
    assertThat(runtime.listPodSandbox(null)).isEmpty();
  }

  @Test
  void listPodSandboxFiltersByLabelSelector() {
    runtime.runPodSandbox(sandboxConfig("a", "u1"), "");
    String b = runtime.runPodSandbox(sandboxConfig("b", "u2"), "");

    var found = runtime.listPodSandbox(PodSandboxFilter.newBuilder().putLabelSelector("io.kubernetes.pod.uid", "u2").build());

    assertThat(found).extracting(s -> s.getId()).containsExactly(b);
  }

  @Test
  void containerIsCreatedStartedStoppedAndRemoved() {
    PodSandboxConfig sandbox = sandboxConfig("web", "u1");
    String sandboxId = runtime.runPodSandbox(sandbox, "");

    String id = runtime.createContainer(sandboxId, containerConfig("main"), sandbox);
    assertThat(runtime.containerStatus(id, false).getStatus().getState()).isEqualTo(ContainerState.CONTAINER_CREATED);
    runtime.startContainer(id);
    assertThat(runtime.containerStatus(id, false).getStatus().getState()).isEqualTo(ContainerState.CONTAINER_RUNNING);
    runtime.stopContainer(id, Duration.ofSeconds(30));
    var status = runtime.containerStatus(id, false).getStatus();
    assertThat(status.getState()).isEqualTo(ContainerState.CONTAINER_EXITED);
    assertThat(status.getExitCode()).isEqualTo(137);
    runtime.removeContainer(id);

    assertThat(runtime.listContainers(null)).isEmpty();
    assertThat(cri.runtime.requests).filteredOn(StopContainerRequest.class::isInstance)
        .singleElement().extracting(r -> ((StopContainerRequest) r).getTimeout()).isEqualTo(30L);
  }

  @Test
  void listContainersFiltersBySandboxAndLabel() {
    PodSandboxConfig sandbox = sandboxConfig("web", "u1");
    String sandboxId = runtime.runPodSandbox(sandbox, "");
    runtime.createContainer(sandboxId, containerConfig("main"), sandbox);
    String sidecar = runtime.createContainer(sandboxId, containerConfig("sidecar"), sandbox);

    var found = runtime.listContainers(ContainerFilter.newBuilder().setPodSandboxId(sandboxId)
        .putLabelSelector("io.kubernetes.container.name", "sidecar").build());

    assertThat(found).extracting(c -> c.getId()).containsExactly(sidecar);
  }

  @Test
  void startingAnExitedContainerFailsWithTheRuntimesMessage() {
    PodSandboxConfig sandbox = sandboxConfig("web", "u1");
    String id = runtime.createContainer(runtime.runPodSandbox(sandbox, ""), containerConfig("main"), sandbox);
    runtime.startContainer(id);
    cri.runtime.exit(id, 0, "Completed");

    assertThatThrownBy(() -> runtime.startContainer(id))
        .isInstanceOfSatisfying(CriException.class, e -> {
          assertThat(e.code()).isEqualTo(Status.Code.UNKNOWN);
          assertThat(e.method()).isEqualTo("StartContainer");
        })
        .hasMessageContaining("container is in CONTAINER_EXITED state");
  }

  @Test
  void statusOfARemovedContainerIsNotFound() {
    assertThatThrownBy(() -> runtime.containerStatus("gone", false))
        .isInstanceOfSatisfying(CriException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageStartingWith("ContainerStatus: NOT_FOUND: ");
  }

  @Test
  void execSyncReturnsNonZeroExitAsAnAnswerNotAnError() {
    PodSandboxConfig sandbox = sandboxConfig("web", "u1");
    String id = runtime.createContainer(runtime.runPodSandbox(sandbox, ""), containerConfig("main"), sandbox);
    cri.runtime.onExecSync(r -> ExecSyncResponse.newBuilder().setExitCode(3)
        .setStdout(ByteString.copyFromUtf8("out\n")).setStderr(ByteString.copyFromUtf8("err\n")).build());

    ExecSyncResponse response = runtime.execSync(id, List.of("sh", "-c", "exit 3"), Duration.ofSeconds(5));

    assertThat(response.getExitCode()).isEqualTo(3);
    assertThat(response.getStdout().toStringUtf8()).isEqualTo("out\n");
    assertThat(cri.runtime.requests).filteredOn(ExecSyncRequest.class::isInstance).singleElement()
        .satisfies(r -> assertThat(((ExecSyncRequest) r).getTimeout()).isEqualTo(5L));
  }

  @Test
  void aCallPastItsDeadlineFailsWithDeadlineExceeded() {
    try (FakeCri slow = FakeCri.start(Duration.ofMillis(100))) {
      slow.runtime.hang("ListContainers");

      assertThatThrownBy(() -> slow.connection().runtime().listContainers(null))
          .isInstanceOfSatisfying(CriException.class, e -> assertThat(e.isDeadlineExceeded()).isTrue());
    }
  }

  @Test
  void anInjectedFailureReachesTheCallerWithItsCode() {
    cri.runtime.failNext("RunPodSandbox", Status.UNKNOWN.withDescription("failed to setup network for sandbox"));

    assertThatThrownBy(() -> runtime.runPodSandbox(sandboxConfig("web", "u1"), ""))
        .isInstanceOf(CriException.class)
        .hasMessage("RunPodSandbox: UNKNOWN: failed to setup network for sandbox");
    assertThat(runtime.runPodSandbox(sandboxConfig("web", "u1"), "")).hasSize(64);
  }

  @Test
  void streamingCallsReturnTheRuntimesUrl() {
    assertThat(runtime.exec(ExecRequest.newBuilder().setContainerId("c").addCmd("sh").setStdout(true).build()))
        .isEqualTo("http://127.0.0.1:1/exec/token0001");
    assertThat(runtime.portForward("s", List.of(8080))).endsWith("/portforward/token0002");
  }

  @Test
  void anEmptyStreamingUrlIsAnError() {
    assertThatThrownBy(() -> runtime.attach(AttachRequest.newBuilder().setContainerId("c").build()))
        .isInstanceOf(CriException.class).hasMessage("Attach: INTERNAL: URL is not set");
  }

  @Test
  void statsNameTheirContainer() {
    PodSandboxConfig sandbox = sandboxConfig("web", "u1");
    String sandboxId = runtime.runPodSandbox(sandbox, "");
    String id = runtime.createContainer(sandboxId, containerConfig("main"), sandbox);

    assertThat(runtime.containerStats(id).getAttributes().getId()).isEqualTo(id);
    assertThat(runtime.listContainerStats(ContainerStatsFilter.newBuilder().setPodSandboxId(sandboxId).build()))
        .singleElement().satisfies(s -> assertThat(s.getMemory().getWorkingSetBytes().getValue()).isEqualTo(4096));
  }

  @Test
  void anAbsentRuntimeIsUnavailable() {
    try (CriConnection nowhere = CriConnection.open("/nonexistent/kube4j/containerd.sock",
        Duration.ofSeconds(5), Duration.ofSeconds(5))) {
      assertThat(nowhere.endpoint()).isEqualTo("unix:///nonexistent/kube4j/containerd.sock");

      assertThatThrownBy(() -> nowhere.runtime().version())
          .isInstanceOfSatisfying(CriException.class, e -> assertThat(e.isUnavailable()).isTrue());
    }
  }
}
