package io.kube4j.agent.cri;

import io.grpc.Channel;
import io.kube4j.agent.cri.v1.AttachRequest;
import io.kube4j.agent.cri.v1.Container;
import io.kube4j.agent.cri.v1.ContainerConfig;
import io.kube4j.agent.cri.v1.ContainerFilter;
import io.kube4j.agent.cri.v1.ContainerStats;
import io.kube4j.agent.cri.v1.ContainerStatsFilter;
import io.kube4j.agent.cri.v1.ContainerStatsRequest;
import io.kube4j.agent.cri.v1.ContainerStatusRequest;
import io.kube4j.agent.cri.v1.ContainerStatusResponse;
import io.kube4j.agent.cri.v1.CreateContainerRequest;
import io.kube4j.agent.cri.v1.ExecRequest;
import io.kube4j.agent.cri.v1.ExecSyncRequest;
import io.kube4j.agent.cri.v1.ExecSyncResponse;
import io.kube4j.agent.cri.v1.LinuxContainerResources;
import io.kube4j.agent.cri.v1.ListContainerStatsRequest;
import io.kube4j.agent.cri.v1.ListContainersRequest;
import io.kube4j.agent.cri.v1.ListPodSandboxRequest;
import io.kube4j.agent.cri.v1.PodSandbox;
import io.kube4j.agent.cri.v1.PodSandboxConfig;
import io.kube4j.agent.cri.v1.PodSandboxFilter;
import io.kube4j.agent.cri.v1.PodSandboxStatusRequest;
import io.kube4j.agent.cri.v1.PodSandboxStatusResponse;
import io.kube4j.agent.cri.v1.PortForwardRequest;
import io.kube4j.agent.cri.v1.RemoveContainerRequest;
import io.kube4j.agent.cri.v1.RemovePodSandboxRequest;
import io.kube4j.agent.cri.v1.RunPodSandboxRequest;
import io.kube4j.agent.cri.v1.RuntimeServiceGrpc;
import io.kube4j.agent.cri.v1.RuntimeServiceGrpc.RuntimeServiceBlockingStub;
import io.kube4j.agent.cri.v1.StartContainerRequest;
import io.kube4j.agent.cri.v1.StatusRequest;
import io.kube4j.agent.cri.v1.StatusResponse;
import io.kube4j.agent.cri.v1.StopContainerRequest;
import io.kube4j.agent.cri.v1.StopPodSandboxRequest;
import io.kube4j.agent.cri.v1.UpdateContainerResourcesRequest;
import io.kube4j.agent.cri.v1.VersionRequest;
import io.kube4j.agent.cri.v1.VersionResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * CRI RuntimeService: sandboxes, containers, exec and stats, as kubelet's {@code
 * remoteRuntimeService}. Every call has a deadline of the request timeout; StopContainer and
 * ExecSync add their own timeout on top, so the runtime has the request timeout left to clean up
 * after it. Failures are {@link CriException}s.
 */
public final class RemoteRuntimeService {

  /** The CRI version kubelet sends in VersionRequest ({@code kubeRuntimeAPIVersion}). */
  public static final String KUBE_RUNTIME_API_VERSION = "0.1.0";

  private final RuntimeServiceBlockingStub stub;
  private final Duration timeout;

  RemoteRuntimeService(Channel channel, Duration timeout) {
    this.stub = RuntimeServiceGrpc.newBlockingStub(channel);
    this.timeout = timeout;
  }

  private <T> T call(String method, Duration deadline, Function<RuntimeServiceBlockingStub, T> rpc) {
    return CriCall.invoke(method, stub, deadline, rpc);
  }

  /** Runtime name, version and CRI API version; the harness polls this until containerd answers. */
  public VersionResponse version() {
    return call("Version", timeout, s -> s.version(VersionRequest.newBuilder().setVersion(KUBE_RUNTIME_API_VERSION).build()));
  }

  /** RuntimeReady and NetworkReady (false with NetworkPluginNotReady while no CNI config is loaded). */
  public StatusResponse status(boolean verbose) {
    return call("Status", timeout, s -> s.status(StatusRequest.newBuilder().setVerbose(verbose).build()));
  }

  // ---- sandboxes ----

  /** Creates and starts the pod sandbox (pause container, network namespace, CNI); returns its id. */
  public String runPodSandbox(PodSandboxConfig config, String runtimeHandler) {
    RunPodSandboxRequest request = RunPodSandboxRequest.newBuilder()
        .setConfig(config).setRuntimeHandler(runtimeHandler == null ? "" : runtimeHandler).build();
    return call("RunPodSandbox", timeout, s -> s.runPodSandbox(request)).getPodSandboxId();
  }

  /** Stops every container of the sandbox and releases its IP; idempotent while the sandbox exists. */
  public void stopPodSandbox(String podSandboxId) {
    call("StopPodSandbox", timeout,
        s -> s.stopPodSandbox(StopPodSandboxRequest.newBuilder().setPodSandboxId(podSandboxId).build()));
  }

  public void removePodSandbox(String podSandboxId) {
    call("RemovePodSandbox", timeout,
        s -> s.removePodSandbox(RemovePodSandboxRequest.newBuilder().setPodSandboxId(podSandboxId).build()));
  }

  /** State, creation time and pod IP (empty for hostNetwork sandboxes); {@code info} when verbose. */
  public PodSandboxStatusResponse podSandboxStatus(String podSandboxId, boolean verbose) {
    return call("PodSandboxStatus", timeout, s -> s.podSandboxStatus(
        PodSandboxStatusRequest.newBuilder().setPodSandboxId(podSandboxId).setVerbose(verbose).build()));
  }

  public List<PodSandbox> listPodSandbox(PodSandboxFilter filter) {
    ListPodSandboxRequest.Builder request = ListPodSandboxRequest.newBuilder();
    if (filter != null) {
      request.setFilter(filter);
    }
    return call("ListPodSandbox", timeout, s -> s.listPodSandbox(request.build())).getItemsList();
  }

  // ---- containers ----

  /** Creates a container in a sandbox; the runtime needs the sandbox's config again (namespaces, cgroup parent). */
  public String createContainer(String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
    CreateContainerRequest request = CreateContainerRequest.newBuilder()
        .setPodSandboxId(podSandboxId).setConfig(config).setSandboxConfig(sandboxConfig).build();
    return call("CreateContainer", timeout, s -> s.createContainer(request)).getContainerId();
  }

  public void startContainer(String containerId) {
    call("StartContainer", timeout,
        s -> s.startContainer(StartContainerRequest.newBuilder().setContainerId(containerId).build()));
  }

  /**
   * SIGTERM, then SIGKILL after {@code gracePeriod} (whole seconds, as CRI's field). The deadline is
   * the grace period plus the request timeout, as kubelet's.
   */
  public void stopContainer(String containerId, Duration gracePeriod) {
    long seconds = Math.max(0, gracePeriod.toSeconds());
    call("StopContainer", timeout.plusSeconds(seconds), s -> s.stopContainer(
        StopContainerRequest.newBuilder().setContainerId(containerId).setTimeout(seconds).build()));
  }

  /** Removes the container, killing it first if it still runs. */
  public void removeContainer(String containerId) {
    call("RemoveContainer", timeout,
        s -> s.removeContainer(RemoveContainerRequest.newBuilder().setContainerId(containerId).build()));
  }

  /** State, exit code, reason (Completed, Error, OOMKilled), timestamps, image ref and log path. */
  public ContainerStatusResponse containerStatus(String containerId, boolean verbose) {
    return call("ContainerStatus", timeout, s -> s.containerStatus(
        ContainerStatusRequest.newBuilder().setContainerId(containerId).setVerbose(verbose).build()));
  }

  public List<Container> listContainers(ContainerFilter filter) {
    ListContainersRequest.Builder request = ListContainersRequest.newBuilder();
    if (filter != null) {
      request.setFilter(filter);
    }
    return call("ListContainers", timeout, s -> s.listContainers(request.build())).getContainersList();
  }

  public void updateContainerResources(String containerId, LinuxContainerResources resources) {
    call("UpdateContainerResources", timeout, s -> s.updateContainerResources(
        UpdateContainerResourcesRequest.newBuilder().setContainerId(containerId).setLinux(resources).build()));
  }

  // ---- exec, attach, port-forward ----

  /**
   * Runs {@code cmd} in the container and waits for it (exec probes, {@code kubectl exec} without a
   * stream). A non-zero exit code is a normal answer, not an exception; a command still running
   * after {@code commandTimeout} fails with DEADLINE_EXCEEDED. Zero means no timeout, as in CRI.
   */
  public ExecSyncResponse execSync(String containerId, List<String> cmd, Duration commandTimeout) {
    ExecSyncRequest request = ExecSyncRequest.newBuilder()
        .setContainerId(containerId).addAllCmd(cmd).setTimeout(commandTimeout.toSeconds()).build();
    Duration deadline = commandTimeout.isZero() ? null : timeout.plus(commandTimeout);
    return call("ExecSync", deadline, s -> s.execSync(request));
  }

  /**
   * The runtime's streaming URL for an interactive exec (containerd: {@code
   * http://127.0.0.1:<port>/exec/<token>}, a single-use token that expires after a minute unused).
   */
  public String exec(ExecRequest request) {
    return requireUrl("Exec", call("Exec", timeout, s -> s.exec(request)).getUrl());
  }

  public String attach(AttachRequest request) {
    return requireUrl("Attach", call("Attach", timeout, s -> s.attach(request)).getUrl());
  }

  public String portForward(String podSandboxId, List<Integer> ports) {
    PortForwardRequest request = PortForwardRequest.newBuilder().setPodSandboxId(podSandboxId).addAllPort(ports).build();
    return requireUrl("PortForward", call("PortForward", timeout, s -> s.portForward(request)).getUrl());
  }

  private static String requireUrl(String method, String url) {
    if (url.isEmpty()) {
      throw new CriException(method, io.grpc.Status.Code.INTERNAL, "URL is not set", null);
    }
    return url;
  }

  // ---- stats ----

  public ContainerStats containerStats(String containerId) {
    return call("ContainerStats", timeout,
        s -> s.containerStats(ContainerStatsRequest.newBuilder().setContainerId(containerId).build())).getStats();
  }

  public List<ContainerStats> listContainerStats(ContainerStatsFilter filter) {
    ListContainerStatsRequest.Builder request = ListContainerStatsRequest.newBuilder();
    if (filter != null) {
      request.setFilter(filter);
    }
    return call("ListContainerStats", timeout, s -> s.listContainerStats(request.build())).getStatsList();
  }
}
