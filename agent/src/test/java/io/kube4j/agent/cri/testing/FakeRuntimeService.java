package io.kube4j.agent.cri.testing;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.kube4j.agent.cri.v1.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory CRI RuntimeService, after {@code k8s.io/cri-api/pkg/apis/testing/fake_runtime_service.go}:
 * sandboxes and containers move through their states as containerd's do, every call is recorded by
 * method name, and a test can make the next call of a method fail or never answer.
 */
public final class FakeRuntimeService extends RuntimeServiceGrpc.RuntimeServiceImplBase {

  /** A sandbox as the fake keeps it. */
  public record Sandbox(String id, PodSandboxConfig config, PodSandboxState state, long createdAt, String ip) {
    Sandbox withState(PodSandboxState s) {
      return new Sandbox(id, config, s, createdAt, ip);
    }
  }

  /** A container as the fake keeps it. */
  public record FakeContainer(String id, String sandboxId, ContainerConfig config, ContainerState state,
      long createdAt, long startedAt, long finishedAt, int exitCode, String reason) {
    FakeContainer with(ContainerState s, long started, long finished, int exit, String why) {
      return new FakeContainer(id, sandboxId, config, s, createdAt, started, finished, exit, why);
    }
  }

  public final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();
  public final Map<String, FakeContainer> containers = new ConcurrentHashMap<>();
  /** Every call, by CRI method name, in order. */
  public final List<String> calls = new CopyOnWriteArrayList<>();
  /** Every request message received, in order. */
  public final List<Object> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Status> failNext = new ConcurrentHashMap<>();
  private final Map<String, Boolean> hang = new ConcurrentHashMap<>();
  private final List<StreamObserver<?>> hanging = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Function<ExecSyncRequest, ExecSyncResponse> execSync =
      r -> ExecSyncResponse.newBuilder().setExitCode(0).build();

  /** The next call of {@code method} fails with {@code status}. */
  public void failNext(String method, Status status) {
    failNext.put(method, status);
  }

  /** Calls of {@code method} never answer (until {@link #releaseHanging()}): for deadline tests. */
  public void hang(String method) {
    hang.put(method, true);
  }

  /** Fails every hanging call, so no server thread is left waiting. */
  public void releaseHanging() {
    hang.clear();
    hanging.forEach(o -> o.onError(Status.CANCELLED.asRuntimeException()));
    hanging.clear();
  }

  public void onExecSync(Function<ExecSyncRequest, ExecSyncResponse> answer) {
    this.execSync = answer;
  }

  /** Ends a running container as if its process exited. */
  public void exit(String containerId, int exitCode, String reason) {
    containers.computeIfPresent(containerId,
        (k, c) -> c.with(ContainerState.CONTAINER_EXITED, c.startedAt(), now(), exitCode, reason));
  }

  private static long now() {
    return System.currentTimeMillis() * 1_000_000L;
  }

  private String newId() {
    return String.format("%064x", ids.incrementAndGet());
  }

  /** Records the call; answers with {@code body}'s result, an injected failure, or not at all. */
  private <T> void answer(String method, Object request, StreamObserver<T> observer, java.util.function.Supplier<T> body) {
    calls.add(method);
    requests.add(request);
    if (hang.containsKey(method)) {
      hanging.add(observer);
      return;
    }
    Status failure = failNext.remove(method);
    if (failure != null) {
      observer.onError(failure.asRuntimeException());
      return;
    }
    try {
      observer.onNext(body.get());
      observer.onCompleted();
    } catch (io.grpc.StatusRuntimeException e) {
      observer.onError(e);
    }
  }

  private static io.grpc.StatusRuntimeException notFound(String what, String id) {
    return Status.NOT_FOUND.withDescription("an error occurred when try to find " + what + " \"" + id + "\": not found")
        .asRuntimeException();
  }

  private Sandbox sandbox(String id) {
    Sandbox s = sandboxes.get(id);
    if (s == null) {
      throw notFound("sandbox", id);
    }
    return s;
  }

  private FakeContainer container(String id) {
    FakeContainer c = containers.get(id);
    if (c == null) {
      throw notFound("container", id);
    }
    return c;
  }

  @Override
  public void version(VersionRequest request, StreamObserver<VersionResponse> o) {
    answer("Version", request, o, () -> VersionResponse.newBuilder().setVersion("0.1.0")
        .setRuntimeName("fake").setRuntimeVersion("0.0.1").setRuntimeApiVersion("v1").build());
  }

  @Override
  public void status(StatusRequest request, StreamObserver<StatusResponse> o) {
    answer("Status", request, o, () -> StatusResponse.newBuilder().setStatus(RuntimeStatus.newBuilder()
        .addConditions(RuntimeCondition.newBuilder().setType("RuntimeReady").setStatus(true))
        .addConditions(RuntimeCondition.newBuilder().setType("NetworkReady").setStatus(true))).build());
  }

  @Override
  public void runPodSandbox(RunPodSandboxRequest request, StreamObserver<RunPodSandboxResponse> o) {
    answer("RunPodSandbox", request, o, () -> {
      String id = newId();
      String ip = "10.88.0." + (sandboxes.size() + 2);
      sandboxes.put(id, new Sandbox(id, request.getConfig(), PodSandboxState.SANDBOX_READY, now(), ip));
      return RunPodSandboxResponse.newBuilder().setPodSandboxId(id).build();
    });
  }

  @Override
  public void stopPodSandbox(StopPodSandboxRequest request, StreamObserver<StopPodSandboxResponse> o) {
    answer("StopPodSandbox", request, o, () -> {
      Sandbox s = sandbox(request.getPodSandboxId());
      sandboxes.put(s.id(), s.withState(PodSandboxState.SANDBOX_NOTREADY));
      containers.values().stream().filter(c -> c.sandboxId().equals(s.id())
          && c.state() == ContainerState.CONTAINER_RUNNING).forEach(c -> exit(c.id(), 137, "Error"));
      return StopPodSandboxResponse.getDefaultInstance();
    });
  }

  @Override
  public void removePodSandbox(RemovePodSandboxRequest request, StreamObserver<RemovePodSandboxResponse> o) {
    answer("RemovePodSandbox", request, o, () -> {
      sandboxes.remove(request.getPodSandboxId());
      containers.values().removeIf(c -> c.sandboxId().equals(request.getPodSandboxId()));
      return RemovePodSandboxResponse.getDefaultInstance();
    });
  }

  @Override
  public void podSandboxStatus(PodSandboxStatusRequest request, StreamObserver<PodSandboxStatusResponse> o) {
    answer("PodSandboxStatus", request, o, () -> {
      Sandbox s = sandbox(request.getPodSandboxId());
      PodSandboxStatus.Builder status = PodSandboxStatus.newBuilder().setId(s.id()).setState(s.state())
          .setCreatedAt(s.createdAt()).setMetadata(s.config().getMetadata())
          .putAllLabels(s.config().getLabelsMap()).putAllAnnotations(s.config().getAnnotationsMap());
      boolean hostNetwork = s.config().getLinux().getSecurityContext().getNamespaceOptions().getNetwork()
          == NamespaceMode.NODE;
      status.setNetwork(PodSandboxNetworkStatus.newBuilder().setIp(hostNetwork ? "" : s.ip()));
      return PodSandboxStatusResponse.newBuilder().setStatus(status).build();
    });
  }

  @Override
  public void listPodSandbox(ListPodSandboxRequest request, StreamObserver<ListPodSandboxResponse> o) {
    answer("ListPodSandbox", request, o, () -> {
      PodSandboxFilter f = request.getFilter();
      List<PodSandbox> items = new ArrayList<>();
      for (Sandbox s : sandboxes.values()) {
        if (!f.getId().isEmpty() && !f.getId().equals(s.id())) continue;
        if (f.hasState() && f.getState().getState() != s.state()) continue;
        if (!s.config().getLabelsMap().entrySet().containsAll(f.getLabelSelectorMap().entrySet())) continue;
        items.add(PodSandbox.newBuilder().setId(s.id()).setState(s.state()).setCreatedAt(s.createdAt())
            .setMetadata(s.config().getMetadata()).putAllLabels(s.config().getLabelsMap())
            .putAllAnnotations(s.config().getAnnotationsMap()).build());
      }
      return ListPodSandboxResponse.newBuilder().addAllItems(items).build();
    });
  }

  @Override
  public void createContainer(CreateContainerRequest request, StreamObserver<CreateContainerResponse> o) {
    answer("CreateContainer", request, o, () -> {
      sandbox(request.getPodSandboxId());
      String id = newId();
      containers.put(id, new FakeContainer(id, request.getPodSandboxId(), request.getConfig(),
          ContainerState.CONTAINER_CREATED, now(), 0, 0, 0, ""));
      return CreateContainerResponse.newBuilder().setContainerId(id).build();
    });
  }

  @Override
  public void startContainer(StartContainerRequest request, StreamObserver<StartContainerResponse> o) {
    answer("StartContainer", request, o, () -> {
      FakeContainer c = container(request.getContainerId());
      if (c.state() != ContainerState.CONTAINER_CREATED) {
        throw Status.UNKNOWN.withDescription("failed to set starting state for container \"" + c.id()
            + "\": container is in " + c.state() + " state").asRuntimeException();
      }
      containers.put(c.id(), c.with(ContainerState.CONTAINER_RUNNING, now(), 0, 0, ""));
      return StartContainerResponse.getDefaultInstance();
    });
  }

  @Override
  public void stopContainer(StopContainerRequest request, StreamObserver<StopContainerResponse> o) {
    answer("StopContainer", request, o, () -> {
      FakeContainer c = container(request.getContainerId());
      if (c.state() == ContainerState.CONTAINER_RUNNING) {
        exit(c.id(), 137, "Error");
      }
      return StopContainerResponse.getDefaultInstance();
    });
  }

  @Override
  public void removeContainer(RemoveContainerRequest request, StreamObserver<RemoveContainerResponse> o) {
    answer("RemoveContainer", request, o, () -> {
      containers.remove(request.getContainerId());
      return RemoveContainerResponse.getDefaultInstance();
    });
  }

  @Override
  public void containerStatus(ContainerStatusRequest request, StreamObserver<ContainerStatusResponse> o) {
    answer("ContainerStatus", request, o, () -> {
      FakeContainer c = container(request.getContainerId());
      return ContainerStatusResponse.newBuilder().setStatus(ContainerStatus.newBuilder().setId(c.id())
          .setMetadata(c.config().getMetadata()).setState(c.state()).setCreatedAt(c.createdAt())
          .setStartedAt(c.startedAt()).setFinishedAt(c.finishedAt()).setExitCode(c.exitCode())
          .setReason(c.reason()).setImage(c.config().getImage()).setImageRef("sha256:" + "0".repeat(64))
          .putAllLabels(c.config().getLabelsMap()).putAllAnnotations(c.config().getAnnotationsMap())
          .setLogPath(c.config().getLogPath())).build();
    });
  }

  @Override
  public void listContainers(ListContainersRequest request, StreamObserver<ListContainersResponse> o) {
    answer("ListContainers", request, o, () -> {
      ContainerFilter f = request.getFilter();
      List<Container> items = new ArrayList<>();
      for (FakeContainer c : containers.values()) {
        if (!f.getId().isEmpty() && !f.getId().equals(c.id())) continue;
        if (!f.getPodSandboxId().isEmpty() && !f.getPodSandboxId().equals(c.sandboxId())) continue;
        if (f.hasState() && f.getState().getState() != c.state()) continue;
        if (!c.config().getLabelsMap().entrySet().containsAll(f.getLabelSelectorMap().entrySet())) continue;
        items.add(Container.newBuilder().setId(c.id()).setPodSandboxId(c.sandboxId()).setState(c.state())
            .setMetadata(c.config().getMetadata()).setImage(c.config().getImage()).setCreatedAt(c.createdAt())
            .putAllLabels(c.config().getLabelsMap()).putAllAnnotations(c.config().getAnnotationsMap()).build());
      }
      return ListContainersResponse.newBuilder().addAllContainers(items).build();
    });
  }

  @Override
  public void updateContainerResources(UpdateContainerResourcesRequest request,
      StreamObserver<UpdateContainerResourcesResponse> o) {
    answer("UpdateContainerResources", request, o, () -> {
      container(request.getContainerId());
      return UpdateContainerResourcesResponse.getDefaultInstance();
    });
  }

  @Override
  public void execSync(ExecSyncRequest request, StreamObserver<ExecSyncResponse> o) {
    answer("ExecSync", request, o, () -> {
      container(request.getContainerId());
      return execSync.apply(request);
    });
  }

  @Override
  public void exec(ExecRequest request, StreamObserver<ExecResponse> o) {
    answer("Exec", request, o, () -> ExecResponse.newBuilder().setUrl("http://127.0.0.1:1/exec/token0001").build());
  }

  @Override
  public void attach(AttachRequest request, StreamObserver<AttachResponse> o) {
    answer("Attach", request, o, () -> AttachResponse.newBuilder().setUrl("").build());
  }

  @Override
  public void portForward(PortForwardRequest request, StreamObserver<PortForwardResponse> o) {
    answer("PortForward", request, o,
        () -> PortForwardResponse.newBuilder().setUrl("http://127.0.0.1:1/portforward/token0002").build());
  }

  @Override
  public void containerStats(ContainerStatsRequest request, StreamObserver<ContainerStatsResponse> o) {
    answer("ContainerStats", request, o, () -> ContainerStatsResponse.newBuilder().setStats(stats(container(
        request.getContainerId()))).build());
  }

  @Override
  public void listContainerStats(ListContainerStatsRequest request, StreamObserver<ListContainerStatsResponse> o) {
    answer("ListContainerStats", request, o, () -> ListContainerStatsResponse.newBuilder()
        .addAllStats(containers.values().stream().filter(c -> request.getFilter().getPodSandboxId().isEmpty()
            || c.sandboxId().equals(request.getFilter().getPodSandboxId())).map(FakeRuntimeService::stats).toList())
        .build());
  }

  private static ContainerStats stats(FakeContainer c) {
    return ContainerStats.newBuilder()
        .setAttributes(ContainerAttributes.newBuilder().setId(c.id()).setMetadata(c.config().getMetadata()))
        .setCpu(CpuUsage.newBuilder().setTimestamp(now()).setUsageCoreNanoSeconds(UInt64Value.newBuilder().setValue(1000)))
        .setMemory(MemoryUsage.newBuilder().setTimestamp(now()).setWorkingSetBytes(UInt64Value.newBuilder().setValue(4096)))
        .build();
  }
}
