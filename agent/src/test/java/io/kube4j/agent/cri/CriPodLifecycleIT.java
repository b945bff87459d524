package io.kube4j.agent.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.agent.cni.CniConfig;
import io.kube4j.agent.cni.PodCidr;
import io.kube4j.agent.cri.containerd.Containerd;
import io.kube4j.agent.cri.containerd.ContainerdConfig;
import io.kube4j.agent.cri.containerd.Shims;
import io.kube4j.agent.cri.v1.ContainerState;
import io.kube4j.agent.cri.v1.ContainerStatus;
import io.kube4j.agent.cri.v1.ExecSyncResponse;
import io.kube4j.agent.cri.v1.PodSandboxConfig;
import io.kube4j.agent.cri.v1.PodSandboxFilter;
import io.kube4j.agent.cri.v1.PodSandboxState;
import io.kube4j.agent.localimages.LocalImages;
import io.kube4j.agent.kuberuntime.ContainerConfigs;
import io.kube4j.agent.kuberuntime.EnvSources;
import io.kube4j.agent.kuberuntime.EnvironmentVariables;
import io.kube4j.agent.kuberuntime.Labels;
import io.kube4j.agent.kuberuntime.NodeFacts;
import io.kube4j.agent.kuberuntime.PodSandboxConfigs;
import io.kube4j.agent.kuberuntime.ResolvConf;
import io.kube4j.agent.kuberuntime.logs.ContainerLogs;
import io.kube4j.agent.kuberuntime.RunContainerOptions;
import io.kube4j.apiserver.testing.Conditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pods from Fabric8 specs through kuberuntime and the CRI client on a private containerd with CNI
 * bridge networking: two pods talk, exec, logs, graceful stop, OOMKilled, and start-up latency.
 */
class CriPodLifecycleIT {

  @TempDir static Path dir;
  static Containerd containerd;
  static RemoteRuntimeService runtime;
  static RemoteImageService images;
  static NodeFacts node;
  static PodCidr podCidr;
  static String bridge;
  static String ipForwardBefore;

  @BeforeAll
  static void startContainerd() throws Exception {
    assumeTrue(Containerd.unavailableReason().isEmpty(), () -> Containerd.unavailableReason().get());
    assumeTrue(LocalImages.unavailableReason().isEmpty(), () -> LocalImages.unavailableReason().get());
    assumeTrue(Files.isExecutable(Path.of("/usr/lib/cni/bridge")), "CNI plugins missing (apt-get install containernetworking-plugins)");
    String id = UUID.randomUUID().toString().substring(0, 6);
    bridge = "k4j" + id;
    // a random /24 so that a concurrent run on the same machine gets a different bridge route
    podCidr = PodCidr.parse("10.213." + ThreadLocalRandom.current().nextInt(256) + ".0/24");
    ipForwardBefore = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip();
    ContainerdConfig config = ContainerdConfig.under(dir.resolve("ctd"), "/kube4j-it-" + id);
    // -Dit.ipMasq=false leaves iptables out, to compare start latency with and without it;
    // written before containerd starts: containerd 1.6 would miss a file renamed into place
    new CniConfig("kube4j-it", bridge, podCidr, dir.resolve("ipam"), Boolean.parseBoolean(System.getProperty("it.ipMasq", "true")), false).writeTo(config.cniConfDir());
    containerd = Containerd.start(config, Duration.ofSeconds(30));
    LocalImages.importInto(containerd, LocalImages.build(dir.resolve("images")));
    runtime = containerd.cri().runtime();
    images = containerd.cri().images();
    node = NodeFacts.defaults(memTotal(), List.of(), ResolvConf.read(Path.of("/etc/resolv.conf")))
        .withPodLogsRoot(dir.resolve("pods")).withCgroupRoot(config.cgroupRoot());
  }

  @AfterAll
  static void stopContainerd() throws Exception {
    if (containerd == null) {
      return;
    }
    containerd.close();
    assertThat(Shims.serving(containerd.config().socket())).as("shims left").isEmpty();
    new ProcessBuilder("ip", "link", "del", bridge).redirectErrorStream(true).start().waitFor();
    Files.writeString(Path.of("/proc/sys/net/ipv4/ip_forward"), ipForwardBefore);
  }

  /** A sandbox and its started containers, as a pod worker would leave them. */
  record RunningPod(Pod pod, String sandboxId, PodSandboxConfig sandboxConfig, Map<String, String> containerIds,
      long sandboxNanos, long containersNanos) {
    String ip() {
      return runtime.podSandboxStatus(sandboxId, false).getStatus().getNetwork().getIp();
    }
  }

  static Pod pod(String name, Container... containers) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
        .withUid(UUID.randomUUID().toString()).endMetadata()
        .withNewSpec().withNodeName("it-node").withContainers(containers).endSpec().build();
  }

  static Container busybox(String name, String script) {
    return new io.fabric8.kubernetes.api.model.ContainerBuilder().withName(name).withImage("busybox:1.36")
        .withCommand("sh", "-c", script).build();
  }

  /** RunPodSandbox, then ImageStatus + CreateContainer + StartContainer per container (IfNotPresent). */
  static RunningPod run(Pod pod) throws Exception {
    long t0 = System.nanoTime();
    PodSandboxConfig sandboxConfig = PodSandboxConfigs.generate(pod, 0, node);
    Files.createDirectories(Path.of(sandboxConfig.getLogDirectory()));
    String sandboxId = runtime.runPodSandbox(sandboxConfig, "");
    String podIp = runtime.podSandboxStatus(sandboxId, false).getStatus().getNetwork().getIp();
    long t1 = System.nanoTime();
    Map<String, String> ids = new java.util.LinkedHashMap<>();
    for (Container c : pod.getSpec().getContainers()) {
      String imageRef = images.imageStatus(RemoteImageService.spec(c.getImage())).orElseThrow().getId();
      var env = EnvironmentVariables.make(pod, c,
          new EnvironmentVariables.PodFacts(List.of(podIp), List.of("192.0.2.2"), Map.of()), EnvSources.NONE).env();
      Files.createDirectories(Path.of(sandboxConfig.getLogDirectory(), c.getName()));
      var config = ContainerConfigs.generate(pod, c, 0, imageRef, RunContainerOptions.of(env), node);
      String id = runtime.createContainer(sandboxId, config, sandboxConfig);
      runtime.startContainer(id);
      ids.put(c.getName(), id);
    }
    return new RunningPod(pod, sandboxId, sandboxConfig, ids, t1 - t0, System.nanoTime() - t1);
  }

  static void remove(RunningPod pod) {
    runtime.stopPodSandbox(pod.sandboxId());
    runtime.removePodSandbox(pod.sandboxId());
  }

  static ContainerStatus status(String containerId) {
    return runtime.containerStatus(containerId, false).getStatus();
  }

  @Test
  void podsTalkOverTheBridgeExecLogAndStopGracefully() throws Exception {
    Container web = new io.fabric8.kubernetes.api.model.ContainerBuilder(busybox("main",
        "trap 'exit 0' TERM; echo started $(POD_NAME); mkdir -p /www; echo hello-from-httpd > /www/index.html; "
            + "httpd -f -p 8080 -h /www & wait"))
        .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
        .endFieldRef().endValueFrom().endEnv()
        .build();
    RunningPod server = run(pod("web", web));
    RunningPod client = run(pod("client", busybox("main", "trap 'exit 0' TERM; sleep 3600 & wait")));
    String serverId = server.containerIds().get("main");

    String ip = server.ip();
    assertThat(ip).startsWith(podCidr.toString().substring(0, podCidr.toString().lastIndexOf('.') + 1));
    assertThat(runtime.podSandboxStatus(server.sandboxId(), false).getStatus().getState()).isEqualTo(PodSandboxState.SANDBOX_READY);
    assertThat(status(serverId).getState()).isEqualTo(ContainerState.CONTAINER_RUNNING);

    Conditions.await("httpd answers from the other pod", Duration.ofSeconds(20), () -> {
      ExecSyncResponse fetch = runtime.execSync(client.containerIds().get("main"),
          List.of("wget", "-q", "-O", "-", "http://" + ip + ":8080/index.html"), Duration.ofSeconds(10));
      return fetch.getExitCode() == 0 && fetch.getStdout().toStringUtf8().equals("hello-from-httpd\n");
    });

    ExecSyncResponse ok = runtime.execSync(serverId, List.of("echo", "ok"), Duration.ofSeconds(10));
    assertThat(ok.getExitCode()).isZero();
    assertThat(ok.getStdout().toStringUtf8()).isEqualTo("ok\n");
    assertThat(runtime.execSync(serverId, List.of("sh", "-c", "echo $POD_NAME; exit 3"), Duration.ofSeconds(10)))
        .satisfies(r -> {
          assertThat(r.getExitCode()).isEqualTo(3);
          assertThat(r.getStdout().toStringUtf8()).isEqualTo("web\n");
        });

    Path log = Path.of(server.sandboxConfig().getLogDirectory(), "main", "0.log");
    assertThat(status(serverId).getLogPath()).isEqualTo(log.toString());
    Conditions.await("the CRI log has the first line", Duration.ofSeconds(10),
        () -> Files.exists(log) && readUnchecked(log).startsWith("started web\n"));
    assertThat(Files.readAllLines(log).get(0)).matches("\\S+Z stdout F started web");

    long stopStarted = System.nanoTime();
    runtime.stopContainer(serverId, Duration.ofSeconds(10));
    long stopMillis = (System.nanoTime() - stopStarted) / 1_000_000;
    ContainerStatus stopped = status(serverId);
    assertThat(stopped.getState()).isEqualTo(ContainerState.CONTAINER_EXITED);
    assertThat(stopped.getExitCode()).isZero();
    assertThat(stopped.getReason()).isEqualTo("Completed");
    assertThat(stopMillis).as("SIGTERM was handled, no wait for the 10 s grace period").isLessThan(5000);

    remove(server);
    remove(client);
    assertThat(runtime.listPodSandbox(PodSandboxFilter.newBuilder()
        .putLabelSelector(Labels.POD_UID, server.pod().getMetadata().getUid()).build())).isEmpty();
    assertThat(runtime.listContainers(null)).noneMatch(c -> c.getId().equals(serverId));
  }

  @Test
  void aContainerOverItsMemoryLimitIsOomKilled() throws Exception {
    Container hog = new io.fabric8.kubernetes.api.model.ContainerBuilder(busybox("hog",
        "dd if=/dev/zero of=/dev/null bs=100M count=1"))
        .editOrNewResources().addToLimits("memory", new Quantity("32Mi")).endResources().build();
    RunningPod pod = run(pod("hog", hog));
    String id = pod.containerIds().get("hog");
    try {
      Conditions.await("the hog exits", Duration.ofSeconds(30),
          () -> status(id).getState() == ContainerState.CONTAINER_EXITED);
      ContainerStatus s = status(id);
      assertThat(s.getReason()).isEqualTo("OOMKilled");
      assertThat(s.getExitCode()).isEqualTo(137);
    } finally {
      remove(pod);
    }
  }

  @Test
  void measuresSandboxAndContainerStartLatency() throws Exception {
    int pods = 20;
    List<Long> millis = new ArrayList<>();
    List<Long> sandboxMillis = new ArrayList<>();
    List<Long> containerMillis = new ArrayList<>();
    List<RunningPod> started = new ArrayList<>();
    try {
      for (int i = 0; i < pods; i++) {
        Pod pod = pod("lat-" + i, busybox("main", "trap 'exit 0' TERM; sleep 3600 & wait"));
        long t0 = System.nanoTime();
        RunningPod running = run(pod);
        millis.add((System.nanoTime() - t0) / 1_000_000);
        started.add(running);
        sandboxMillis.add(running.sandboxNanos() / 1_000_000);
        containerMillis.add(running.containersNanos() / 1_000_000);
      }
    } finally {
      long t0 = System.nanoTime();
      started.forEach(CriPodLifecycleIT::remove);
      long teardown = (System.nanoTime() - t0) / 1_000_000;
      List<Long> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      if (!sorted.isEmpty()) {
        System.out.printf("CRI pod start (RunPodSandbox + ImageStatus + CreateContainer + StartContainer), %d pods in"
            + " sequence: p50 %d ms, p99 %d ms, min %d ms, max %d ms; all in order %s; teardown of all %d ms%n",
            sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.get(0), sorted.get(sorted.size() - 1),
            millis, teardown);
        System.out.printf("  of which RunPodSandbox + PodSandboxStatus: p50 %d ms; ImageStatus + CreateContainer +"
            + " StartContainer: p50 %d ms; load average %s%n", percentile(sandboxMillis.stream().sorted().toList(), 50),
            percentile(containerMillis.stream().sorted().toList(), 50), readUnchecked(Path.of("/proc/loadavg")).strip());
      }
    }
    assertThat(millis).hasSize(pods);
    assertThat(percentile(millis.stream().sorted().toList(), 99)).as("p99 ms").isLessThan(10_000);
  }

  /** The machine's memory (MemTotal in /proc/meminfo is in KiB): Burstable OOM scores are shares of it. */
  static long memTotal() throws java.io.IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElseThrow();
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  static String readUnchecked(Path file) {
    try {
      return file.getFileName().toString().endsWith(".log")
          ? ContainerLogs.read(file, ContainerLogs.Options.ALL) : Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
