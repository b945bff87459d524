package io.kube4j.agent.runtime.simulated;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.agent.events.EventRecorder;
import io.kube4j.agent.runtime.ContainerState;
import io.kube4j.agent.runtime.ContainerStatus;
import io.kube4j.agent.runtime.PodLifecycleEvent;
import io.kube4j.agent.runtime.PodLifecycleEventGenerator;
import io.kube4j.agent.runtime.PodStatus;
import io.kube4j.agent.runtime.Runtime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulated runtime of one node. Each pod is a record of container runs in memory; nothing
 * runs but the timers of containers told to exit ({@link SimulatedBehaviour}), which share one
 * scheduler across every simulated node of the JVM.
 */
public final class SimulatedRuntime implements Runtime, PodLifecycleEventGenerator {

  public static final String TYPE = "simulated";
  public static final String VERSION = "kube4j-0.1.0";
  private final Supplier<String> podCidr;
  private final CrashLoopBackOff backOff;
  private final ScheduledExecutorService timers;
  private final EventRecorder recorder;
  private final Clock clock;
  private final Map<String, SimulatedPod> pods = new ConcurrentHashMap<>();
  private volatile Consumer<PodLifecycleEvent> events = e -> { };
  /** Guarded by {@code this}. */
  private PodIpAllocator ips;

  /**
   * @param podCidr the node's {@code spec.podCIDR} as last seen, or the range to use without one
   * @param backOff the restart back-off of exited containers
   * @param timers shared by every simulated node: runs exit and back-off timers, which must not block
   * @param recorder receives kubelet's container events (Pulled, Created, Started, Killing, BackOff)
   */
  public SimulatedRuntime(Supplier<String> podCidr, CrashLoopBackOff backOff,
      ScheduledExecutorService timers, EventRecorder recorder, Clock clock) {
    this.podCidr = podCidr;
    this.backOff = backOff;
    this.timers = timers;
    this.recorder = recorder;
    this.clock = clock;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public void watch(Consumer<PodLifecycleEvent> handler) {
    this.events = handler;
  }

  @Override
  public PodStatus syncPod(Pod pod, PodStatus status) {
    String uid = pod.getMetadata().getUid();
    SimulatedPod sim = pods.computeIfAbsent(uid, u -> new SimulatedPod(u, allocateIp()));
    SimulatedBehaviour behaviour = SimulatedBehaviour.of(pod);
    String restartPolicy = Optional.ofNullable(pod.getSpec().getRestartPolicy()).orElse("Always");
    synchronized (sim) {
      sim.sandboxReady = true;
      Instant now = clock.instant();
      // init containers: in order, each must have completed before the next one starts
      for (Container init : nullToEmpty(pod.getSpec().getInitContainers())) {
        Optional<ContainerStatus> current = sim.current(init.getName());
        boolean sidecar = "Always".equals(init.getRestartPolicy());
        if (current.isEmpty()) {
          started(pod, "spec.initContainers{" + init.getName() + "}", init);
          if (sidecar) {
            sim.add(run(init, now, 0, Optional.empty()));
            continue;
          }
          // a simulated init container does its work instantly and succeeds
          sim.add(exited(run(init, now, 0, Optional.empty()), now, 0));
        } else if (!sidecar && current.get().state() == ContainerState.EXITED && current.get().exitCode() != 0) {
          return sim.snapshot();
        }
      }
      for (Container container : nullToEmpty(pod.getSpec().getContainers())) {
        Optional<ContainerStatus> current = sim.current(container.getName());
        if (current.isEmpty()) {
          start(pod, sim, container, behaviour, 0, now);
        } else if (current.get().state() == ContainerState.EXITED && shouldRestart(restartPolicy, current.get())) {
          restartAfterBackOff(pod, sim, container, behaviour, current.get(), now);
        }
      }
      return sim.snapshot();
    }
  }

  private void restartAfterBackOff(Pod pod, SimulatedPod sim, Container container, SimulatedBehaviour behaviour,
      ContainerStatus exited, Instant now) {
    if (exited.waitingUntil().isEmpty()) {
      recorder.event(pod, "spec.containers{" + container.getName() + "}", "Warning", "BackOff",
          "Back-off restarting failed container " + container.getName() + " in pod " + pod.getMetadata().getName()
              + "_" + pod.getMetadata().getNamespace() + "(" + pod.getMetadata().getUid() + ")");
      Duration delay = backOff.delay(exited.restartCount());
      Instant until = now.plus(delay);
      sim.replaceCurrent(withWaiting(exited, until));
      timers.schedule(() -> events.accept(new PodLifecycleEvent(sim.uid, PodLifecycleEvent.Type.CONTAINER_CHANGED,
          container.getName())), delay.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    if (!now.isBefore(exited.waitingUntil().get())) {
      start(pod, sim, container, behaviour, exited.restartCount() + 1, now);
    }
  }

  /** kuberuntime's startContainer events: the image is always "present", the container starts at once. */
  private void started(Pod pod, String fieldPath, Container c) {
    recorder.event(pod, fieldPath, "Normal", "Pulled",
        "Container image \"" + c.getImage() + "\" already present on machine");
    recorder.event(pod, fieldPath, "Normal", "Created", "Created container " + c.getName());
    recorder.event(pod, fieldPath, "Normal", "Started", "Started container " + c.getName());
  }

  private void start(Pod pod, SimulatedPod sim, Container container, SimulatedBehaviour behaviour, int restartCount,
      Instant now) {
    started(pod, "spec.containers{" + container.getName() + "}", container);
    ContainerStatus running = run(container, now, restartCount, Optional.empty());
    sim.add(running);
    if (behaviour.exitCode().isPresent()) {
      int code = behaviour.exitCode().getAsInt();
      timers.schedule(() -> exitLater(sim, running.id(), code), behaviour.exitAfter().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void exitLater(SimulatedPod sim, String containerId, int exitCode) {
    String name;
    synchronized (sim) {
      Optional<ContainerStatus> run = sim.runs.stream().filter(c -> c.id().equals(containerId)).findFirst();
      if (run.isEmpty() || run.get().state() != ContainerState.RUNNING) {
        return;
      }
      name = run.get().name();
      sim.replaceCurrent(exited(run.get(), clock.instant(), exitCode));
    }
    events.accept(new PodLifecycleEvent(sim.uid, PodLifecycleEvent.Type.CONTAINER_DIED, name));
  }

  /** {@code kuberuntime.ShouldContainerBeRestarted}: by the pod's restartPolicy and the exit code. */
  static boolean shouldRestart(String restartPolicy, ContainerStatus exited) {
    return switch (restartPolicy) {
      case "Never" -> false;
      case "OnFailure" -> exited.exitCode() != 0;
      default -> true;
    };
  }

  @Override
  public void killPod(Pod pod, Duration gracePeriod) {
    SimulatedPod sim = pods.get(pod.getMetadata().getUid());
    if (sim == null) {
      return;
    }
    synchronized (sim) {
      // a simulated process honours SIGTERM at once: exit code 0, whatever the grace period
      Instant now = clock.instant();
      for (ContainerStatus run : List.copyOf(sim.runs)) {
        if (run.state() == ContainerState.RUNNING || run.state() == ContainerState.CREATED) {
          recorder.event(pod, "spec.containers{" + run.name() + "}", "Normal", "Killing",
              "Stopping container " + run.name());
          sim.replace(run, exited(run, now, 0));
        } else if (run.waitingUntil().isPresent()) {
          sim.replace(run, withWaiting(run, null));
        }
      }
      sim.sandboxReady = false;
    }
  }

  @Override
  public void removePod(String podUid) {
    SimulatedPod sim = pods.remove(podUid);
    if (sim != null) {
      synchronized (this) {
        if (ips != null) {
          ips.release(sim.ip);
        }
      }
    }
  }

  @Override
  public PodStatus podStatus(Pod pod) {
    SimulatedPod sim = pods.get(pod.getMetadata().getUid());
    if (sim == null) {
      return PodStatus.empty(pod.getMetadata().getUid());
    }
    synchronized (sim) {
      return sim.snapshot();
    }
  }

  /** How many pods the runtime holds (running or killed but not yet removed). */
  public int podCount() {
    return pods.size();
  }

  private synchronized String allocateIp() {
    String cidr = podCidr.get();
    if (ips == null || !ips.cidr().equals(cidr)) {
      ips = new PodIpAllocator(cidr);
    }
    return ips.allocate();
  }

  private static ContainerStatus run(Container container, Instant now, int restartCount, Optional<Instant> waiting) {
    String image = container.getImage() == null ? "" : container.getImage();
    return new ContainerStatus(TYPE + "://" + randomId(), container.getName(), ContainerState.RUNNING, now,
        Optional.of(now), Optional.empty(), 0, "", "", image, imageId(image), restartCount, waiting);
  }

  private static ContainerStatus exited(ContainerStatus run, Instant at, int exitCode) {
    return new ContainerStatus(run.id(), run.name(), ContainerState.EXITED, run.createdAt(), run.startedAt(),
        Optional.of(at), exitCode, exitCode == 0 ? "Completed" : "Error", "", run.image(), run.imageId(),
        run.restartCount(), Optional.empty());
  }

  private static ContainerStatus withWaiting(ContainerStatus run, Instant until) {
    return new ContainerStatus(run.id(), run.name(), run.state(), run.createdAt(), run.startedAt(), run.finishedAt(),
        run.exitCode(), run.reason(), run.message(), run.image(), run.imageId(), run.restartCount(),
        Optional.ofNullable(until));
  }

  /** A digest reference as containerd reports it; the digest is made up from the image name. */
  static String imageId(String image) {
    String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image.replaceFirst(":[^:/]+$", "");
    if (!repository.contains("/")) {
      repository = "docker.io/library/" + repository;
    } else if (!repository.substring(0, repository.indexOf('/')).contains(".")) {
      repository = "docker.io/" + repository;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
      return repository + "@sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomId() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** One pod's sandbox and container runs; every field guarded by the object's monitor. */
  private static final class SimulatedPod {
    final String uid;
    final String ip;
    boolean sandboxReady;
    /** Newest first per name; at most two runs per container (current and previous) are kept. */
    final List<ContainerStatus> runs = new ArrayList<>();

    SimulatedPod(String uid, String ip) {
      this.uid = uid;
      this.ip = ip;
    }

    Optional<ContainerStatus> current(String name) {
      return runs.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    void add(ContainerStatus run) {
      List<ContainerStatus> older = runs.stream().filter(c -> c.name().equals(run.name())).toList();
      if (older.size() >= 2) {
        runs.remove(older.get(older.size() - 1));
      }
      runs.add(0, run);
    }

    void replaceCurrent(ContainerStatus run) {
      current(run.name()).ifPresent(c -> replace(c, run));
    }

    void replace(ContainerStatus old, ContainerStatus now) {
      runs.set(runs.indexOf(old), now);
    }

    PodStatus snapshot() {
      return new PodStatus(uid, List.of(ip), sandboxReady, runs);
    }
  }
}
