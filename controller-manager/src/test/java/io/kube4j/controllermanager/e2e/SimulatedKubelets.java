package io.kube4j.controllermanager.e2e;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Test stand-in for the scheduler and the kubelets of a few nodes, so workload controllers can be
 * tested against a real apiserver without either: it registers Ready nodes and renews their Leases
 * (so the node lifecycle controller leaves them alone), binds each unscheduled pod to a node it may
 * run on (not cordoned unless the pod tolerates it, the DaemonSet's {@code metadata.name} node
 * affinity, nodeSelector, NoSchedule taints), then writes the pod's status as a kubelet would, as the
 * {@link Behaviour} chosen for it says, and finishes graceful deletions with a grace-0 delete (the
 * kubelet's final delete).
 *
 * <p>Once the agent's simulated runtime exists, ITs can run it instead; this fixture stays small on
 * purpose: no resources, no ports, no restarts.
 */
final class SimulatedKubelets implements AutoCloseable {

  /** What a bound pod does: become Running and Ready, Running but never Ready, or exit. */
  enum Behaviour { READY, NOT_READY, SUCCEED, FAIL }

  private final KubernetesClient admin;
  private final List<String> nodes = new ArrayList<>();
  private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor();
  /**
   * Pod writes, each pod always on the same thread (by UID), so a pod's writes happen in informer
   * order while different pods are written in parallel (a benchmark binds thousands).
   */
  private final ExecutorService[] writers = new ExecutorService[WRITERS];
  private static final int WRITERS = 8;
  /** Pods of the READY behaviour whose readiness delay has passed. */
  private final Set<String> matured = ConcurrentHashMap.newKeySet();
  private final Set<String> maturing = ConcurrentHashMap.newKeySet();
  private volatile Duration readinessDelay = Duration.ZERO;
  private final SharedIndexInformer<Node> nodeCache;
  private final AtomicInteger nextNode = new AtomicInteger();
  private final AtomicInteger nextIp = new AtomicInteger(2);
  private final Map<String, Behaviour> overrides = new ConcurrentHashMap<>();
  private volatile Function<Pod, Behaviour> behaviour = pod -> Behaviour.READY;
  private final SharedIndexInformer<Pod> pods;

  /** Registers {@code count} Ready nodes named {@code prefix-0 .. prefix-(count-1)} and starts. */
  SimulatedKubelets(KubernetesClient admin, String prefix, int count) {
    this.admin = admin;
    for (int i = 0; i < WRITERS; i++) {
      writers[i] = Executors.newSingleThreadExecutor();
    }
    this.nodeCache = admin.nodes().inform();
    for (int i = 0; i < count; i++) {
      addNode(prefix + "-" + i, List.of(), Map.of());
    }
    leases.scheduleAtFixedRate(this::renewLeases, 2, 2, TimeUnit.SECONDS);
    pods = admin.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override public void onAdd(Pod pod) { writerOf(pod).execute(() -> handle(pod)); }
      @Override public void onUpdate(Pod old, Pod pod) { writerOf(pod).execute(() -> handle(pod)); }
      @Override public void onDelete(Pod pod, boolean unknown) { }
    });
  }

  /** Adds one more Ready node with these taints and labels. */
  void addNode(String name, List<Taint> taints, Map<String, String> labels) {
    Node node = new NodeBuilder().withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name)
        .addToLabels(labels).endMetadata()
        .withNewSpec().withTaints(taints).endSpec().build();
    admin.nodes().resource(node).create();
    Quantity cpu = new Quantity("8");
    Quantity memory = new Quantity("32Gi");
    Quantity podsCapacity = new Quantity("110");
    admin.nodes().withName(name).editStatus(n -> new NodeBuilder(n).editStatus()
        .withCapacity(Map.of("cpu", cpu, "memory", memory, "pods", podsCapacity))
        .withAllocatable(Map.of("cpu", cpu, "memory", memory, "pods", podsCapacity))
        .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
        .withMessage("kubelet is posting ready status").withLastHeartbeatTime(now()).withLastTransitionTime(now())
        .endCondition().endStatus().build());
    admin.resources(Lease.class).inNamespace("kube-node-lease").resource(new LeaseBuilder().withNewMetadata()
        .withName(name).withNamespace("kube-node-lease").endMetadata().withNewSpec().withHolderIdentity(name)
        .withLeaseDurationSeconds(40).withRenewTime(ZonedDateTime.now()).endSpec().build()).create();
    synchronized (nodes) {
      nodes.add(name);
    }
    // a pod for this node (a DaemonSet's) may have come before the node was ready to take it
    if (pods != null) {
      pods.getStore().list().stream().filter(p -> p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty())
          .forEach(p -> writerOf(p).execute(() -> handle(p)));
    }
  }

  /** The behaviour of pods created from now on (those already bound keep theirs). */
  void behave(Function<Pod, Behaviour> behaviour) {
    this.behaviour = Objects.requireNonNull(behaviour);
  }

  /** Changes one pod's behaviour now, e.g. makes a Running pod Ready or makes it exit. */
  void set(Pod pod, Behaviour next) {
    overrides.put(pod.getMetadata().getUid(), next);
    rehandle(pod);
  }

  /**
   * Pods that are to become Ready (from now on) first run not ready for {@code delay}, as a
   * container behind a readiness probe does; zero (the default) makes them Ready at once.
   */
  void readinessDelay(Duration delay) {
    this.readinessDelay = delay;
  }

  private ExecutorService writerOf(Pod pod) {
    return writers[Math.floorMod(pod.getMetadata().getUid().hashCode(), WRITERS)];
  }

  private void rehandle(Pod pod) {
    writerOf(pod).execute(() -> {
      Pod current = pods.getStore().getByKey(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
      if (current != null) {
        handle(current);
      }
    });
  }

  private void handle(Pod pod) {
    try {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        admin.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
            .withGracePeriod(0).delete();
      } else if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
        bind(pod);
      } else if (isOurs(pod.getSpec().getNodeName())) {
        writeStatus(pod);
      }
    } catch (KubernetesClientException e) {
      // 404/409: the pod moved on meanwhile; the informer brings its next state
    }
  }

  private void bind(Pod pod) {
    List<String> candidates;
    synchronized (nodes) {
      candidates = nodes.stream().filter(n -> fits(pod, node(n))).toList();
    }
    if (candidates.isEmpty()) {
      return;
    }
    String node = candidates.get(Math.floorMod(nextNode.getAndIncrement(), candidates.size()));
    // POST pods/<name>/binding, as the scheduler's DefaultBinder does (Fabric8 has no typed call for it)
    var binding = new io.fabric8.kubernetes.api.model.BindingBuilder().withNewMetadata()
        .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).endMetadata()
        .withNewTarget().withKind("Node").withName(node).endTarget().build();
    String url = admin.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/"
        + pod.getMetadata().getNamespace() + "/pods/" + pod.getMetadata().getName() + "/binding";
    admin.raw(url, "POST", io.fabric8.kubernetes.client.utils.Serialization.asJson(binding));
  }

  /** From the node informer, or (a node just added, not yet in it) from the API. */
  private Node node(String name) {
    Node cached = nodeCache.getStore().getByKey(name);
    return cached != null ? cached : admin.nodes().withName(name).get();
  }

  /** Not cordoned; node affinity on {@code metadata.name} (DaemonSet pods), nodeSelector, NoSchedule taints. */
  static boolean fits(Pod pod, Node node) {
    if (node == null) {
      return false;
    }
    List<Toleration> tolerations = pod.getSpec().getTolerations() == null ? List.of() : pod.getSpec().getTolerations();
    Taint cordon = new io.fabric8.kubernetes.api.model.TaintBuilder().withKey("node.kubernetes.io/unschedulable")
        .withEffect("NoSchedule").build();
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())
        && tolerations.stream().noneMatch(t -> tolerates(t, cordon))) {
      return false; // cordoned, and the pod does not tolerate it (the scheduler's NodeUnschedulable)
    }
    Map<String, String> labels = node.getMetadata().getLabels();
    if (pod.getSpec().getNodeSelector() != null
        && !pod.getSpec().getNodeSelector().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
      return false;
    }
    var affinity = pod.getSpec().getAffinity();
    if (affinity != null && affinity.getNodeAffinity() != null
        && affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
      List<NodeSelectorTerm> terms = affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
          .getNodeSelectorTerms();
      boolean any = terms.stream().anyMatch(t -> t.getMatchFields() == null || t.getMatchFields().stream()
          .allMatch(f -> matchesName(f, node.getMetadata().getName())));
      if (!any) {
        return false;
      }
    }
    List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
    return taints.stream().filter(t -> !"PreferNoSchedule".equals(t.getEffect()))
        .allMatch(t -> tolerations.stream().anyMatch(tol -> tolerates(tol, t)));
  }

  private static boolean matchesName(NodeSelectorRequirement r, String name) {
    return !"metadata.name".equals(r.getKey()) || ("In".equals(r.getOperator()) && r.getValues().contains(name));
  }

  private static boolean tolerates(Toleration tol, Taint taint) {
    boolean effect = tol.getEffect() == null || tol.getEffect().isEmpty() || tol.getEffect().equals(taint.getEffect());
    if ("Exists".equals(tol.getOperator())) {
      return effect && (tol.getKey() == null || tol.getKey().isEmpty() || tol.getKey().equals(taint.getKey()));
    }
    return effect && Objects.equals(tol.getKey(), taint.getKey()) && Objects.equals(tol.getValue(), taint.getValue());
  }

  private boolean isOurs(String node) {
    synchronized (nodes) {
      return nodes.contains(node);
    }
  }

  /** Writes the status {@link Behaviour} asks for, unless the pod already shows it. */
  private void writeStatus(Pod pod) {
    Behaviour wanted = overrides.computeIfAbsent(pod.getMetadata().getUid(), uid -> behaviour.apply(pod));
    String phase = switch (wanted) {
      case READY, NOT_READY -> "Running";
      case SUCCEED -> "Succeeded";
      case FAIL -> "Failed";
    };
    boolean delayed = false;
    if (wanted == Behaviour.READY && !readinessDelay.isZero() && !matured.contains(pod.getMetadata().getUid())) {
      // Running but not yet ready; ready once the delay has passed
      delayed = true;
      if (maturing.add(pod.getMetadata().getUid())) {
        leases.schedule(() -> {
          matured.add(pod.getMetadata().getUid());
          rehandle(pod);
        }, readinessDelay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    boolean ready = wanted == Behaviour.READY && !delayed;
    PodStatus current = pod.getStatus();
    if (current != null && phase.equals(current.getPhase()) && ready == isReady(current)) {
      return;
    }
    String ip = current != null && current.getPodIP() != null ? current.getPodIP()
        : "10.244." + (nextIp.get() / 250) + "." + (nextIp.getAndIncrement() % 250 + 2);
    String at = now();
    List<ContainerStatus> containers = pod.getSpec().getContainers().stream().map(c -> {
      ContainerStatusBuilder b = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
          .withImageID("sha256:" + c.getName()).withContainerID("simulated://" + pod.getMetadata().getUid() + "/" + c.getName())
          .withRestartCount(0).withReady(ready);
      if (phase.equals("Running")) {
        b.withStarted(true).withNewState().withNewRunning().withStartedAt(at).endRunning().endState();
      } else {
        b.withStarted(false).withNewState().withNewTerminated().withExitCode(wanted == Behaviour.SUCCEED ? 0 : 1)
            .withReason(wanted == Behaviour.SUCCEED ? "Completed" : "Error").withStartedAt(at).withFinishedAt(at)
            .endTerminated().endState();
      }
      return b.build();
    }).toList();
    PodStatus status = new PodStatusBuilder().withPhase(phase).withHostIP("192.168.0.10").withPodIP(ip)
        .withPodIPs(new PodIPBuilder().withIp(ip).build())
        .withStartTime(current != null && current.getStartTime() != null ? current.getStartTime() : at)
        .withConditions(condition("PodScheduled", true, at), condition("Initialized", true, at),
            condition("ContainersReady", ready, at), condition("Ready", ready, at))
        .withContainerStatuses(containers).build();
    Pod next = new io.fabric8.kubernetes.api.model.PodBuilder(pod).withStatus(status).build();
    admin.pods().inNamespace(pod.getMetadata().getNamespace()).resource(next).updateStatus();
  }

  private static boolean isReady(PodStatus status) {
    return status.getConditions() != null && status.getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static PodCondition condition(String type, boolean status, String at) {
    return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False").withLastTransitionTime(at).build();
  }

  private void renewLeases() {
    List<String> names;
    synchronized (nodes) {
      names = List.copyOf(nodes);
    }
    for (String name : names) {
      try {
        admin.resources(Lease.class).inNamespace("kube-node-lease").withName(name)
            .edit(l -> new LeaseBuilder(l).editSpec().withRenewTime(ZonedDateTime.now()).endSpec().build());
      } catch (KubernetesClientException e) {
        // the next round renews it; a missed renewal is 2 s of a 40 s grace period
      }
    }
  }

  private static String now() {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  public void close() {
    pods.close();
    nodeCache.close();
    leases.shutdownNow();
    for (ExecutorService w : writers) {
      w.shutdownNow();
    }
  }
}
