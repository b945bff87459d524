package io.kube4j.controllermanager.daemon;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.controller.ControllerExpectations;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.DeepCopy;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.PodControl;
import io.kube4j.controllermanager.controller.PodStatuses;
import io.kube4j.controllermanager.record.EventRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code manage} and {@code syncNodes}: decides, node by node, which daemon pods to create and which
 * to delete, then does it within the burst limit, with expectations recorded first.
 */
final class DaemonSetSync {

  private static final Logger LOG = LoggerFactory.getLogger(DaemonSetSync.class);

  static final String FAILED_DAEMON_POD = "FailedDaemonPod";
  static final String SUCCEEDED_DAEMON_POD = "SucceededDaemonPod";
  /** {@code BurstReplicas}: at most this many creations (and deletions) per sync. */
  static final int BURST_REPLICAS = 250;
  /** {@code SlowStartInitialBatchSize}. */
  static final int SLOW_START_INITIAL_BATCH_SIZE = 1;

  /** What to do on one node. */
  record NodeDecision(List<String> nodesNeedingDaemonPods, List<String> podsToDelete) {}

  private final PodControl podControl;
  private final ControllerExpectations expectations;
  private final FailedPodsBackoff backoff;
  private final EventRecorder recorder;
  private final BiConsumer<DaemonSet, Duration> enqueueAfter;

  DaemonSetSync(PodControl podControl, ControllerExpectations expectations, FailedPodsBackoff backoff,
      EventRecorder recorder, BiConsumer<DaemonSet, Duration> enqueueAfter) {
    this.podControl = podControl;
    this.expectations = expectations;
    this.backoff = backoff;
    this.recorder = recorder;
    this.enqueueAfter = enqueueAfter;
  }

  /** {@code manage}: for each node, create the missing pod or delete the pods that should not be there. */
  void manage(DaemonSet ds, List<Node> nodes, Map<String, List<Pod>> nodeToDaemonPods, String hash) {
    List<String> create = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    for (Node node : nodes) {
      NodeDecision d = podsShouldBeOnNode(node, nodeToDaemonPods, ds, hash);
      create.addAll(d.nodesNeedingDaemonPods());
      delete.addAll(d.podsToDelete());
    }
    // an unscheduled pod for a node that no longer exists is never bound, so pod GC never sees it
    Set<String> existing = nodes.stream().map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
    nodeToDaemonPods.forEach((node, pods) -> {
      if (!existing.contains(node)) {
        pods.stream().filter(p -> p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty())
            .forEach(p -> delete.add(p.getMetadata().getName()));
      }
    });
    syncNodes(ds, delete, create, hash);
  }

  /**
   * {@code podsShouldBeOnNode}. A node that should run the daemon but has no pod gets one. On a node
   * where the pod may continue: a Failed pod is deleted (at most once per backoff delay: the
   * DaemonSet is looked at again when it ends), a Succeeded one too; without surge only the oldest
   * running pod stays; with surge an old and a new pod may both stay until the new one is available.
   * On a node where the daemon may not continue, every pod goes.
   */
  NodeDecision podsShouldBeOnNode(Node node, Map<String, List<Pod>> nodeToDaemonPods, DaemonSet ds, String hash) {
    NodeEligibility.Verdict v = NodeEligibility.nodeShouldRunDaemonPod(node, ds);
    String nodeName = node.getMetadata().getName();
    List<Pod> daemonPods = nodeToDaemonPods.get(nodeName);
    boolean exists = daemonPods != null;
    List<String> create = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    if (v.shouldRun() && !exists) {
      create.add(nodeName);
    } else if (v.shouldContinueRunning() && exists) {
      List<Pod> running = new ArrayList<>();
      for (Pod pod : daemonPods) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
          continue;
        }
        String phase = PodStatuses.phase(pod);
        if (phase.equals("Failed")) {
          String key = failedPodsBackoffKey(ds, nodeName);
          Instant now = backoff.now();
          if (backoff.inBackoffSinceUpdate(key, now)) {
            enqueueAfter.accept(ds, backoff.get(key));
            continue;
          }
          backoff.next(key, now);
          recorder.event(reference(ds), EventRecorder.TYPE_WARNING, FAILED_DAEMON_POD,
              "Found failed daemon pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName()
                  + " on node " + nodeName + ", will try to kill it");
          delete.add(pod.getMetadata().getName());
        } else if (phase.equals("Succeeded")) {
          recorder.event(reference(ds), EventRecorder.TYPE_NORMAL, SUCCEEDED_DAEMON_POD,
              "Found succeeded daemon pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName()
                  + " on node " + nodeName + ", will try to delete it");
          delete.add(pod.getMetadata().getName());
        } else {
          running.add(pod);
        }
      }
      running.sort(BY_CREATION_TIMESTAMP_AND_PHASE);
      if (!DaemonPods.allowsSurge(ds)) {
        running.stream().skip(1).forEach(p -> delete.add(p.getMetadata().getName()));
      } else if (running.isEmpty()) {
        if (v.shouldRun()) {
          create.add(nodeName);
        }
      } else if (running.size() > 1) {
        surgePrune(ds, hash, running, delete);
      }
    } else if (!v.shouldContinueRunning() && exists) {
      daemonPods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
          .forEach(p -> delete.add(p.getMetadata().getName()));
    }
    return new NodeDecision(create, delete);
  }

  /**
   * With surge, two pods may share a node only while the oldest new one is not yet available and the
   * oldest old one is still ready; every other pod goes.
   */
  private void surgePrune(DaemonSet ds, String hash, List<Pod> running, List<String> delete) {
    Pod oldestNew = null;
    Pod oldestOld = null;
    for (Pod pod : running) {
      boolean isNew = hash.equals(labelOf(pod, DaemonPods.CONTROLLER_REVISION_HASH_LABEL));
      if (isNew && oldestNew == null) {
        oldestNew = pod;
      } else if (!isNew && oldestOld == null) {
        oldestOld = pod;
      } else {
        delete.add(pod.getMetadata().getName());
      }
    }
    if (oldestNew != null && oldestOld != null) {
      if (!PodStatuses.isReady(oldestOld)
          || PodStatuses.isAvailable(oldestNew, minReadySeconds(ds), backoff.now())) {
        delete.add(oldestOld.getMetadata().getName());
      }
    }
  }

  /**
   * {@code syncNodes}: deletes {@code podsToDelete} and creates a pod for each node in
   * {@code nodesNeedingDaemonPods}, at most {@link #BURST_REPLICAS} of each. Creations go in
   * slow-start batches of 1, 2, 4, ...: after a failing batch the rest are skipped (and no longer
   * expected), so a quota that refuses one pod does not get hundreds of requests. Deletions are
   * expected by pod key, so the deletion of a pod this sync did not ask for does not count.
   */
  void syncNodes(DaemonSet ds, List<String> podsToDelete, List<String> nodesNeedingDaemonPods, String hash) {
    String key = Keys.of(ds);
    int createDiff = Math.min(nodesNeedingDaemonPods.size(), BURST_REPLICAS);
    int deleteDiff = Math.min(podsToDelete.size(), BURST_REPLICAS);
    String namespace = ds.getMetadata().getNamespace();
    List<String> deleting = podsToDelete.subList(0, deleteDiff);
    expectations.expect(key, createDiff, deleting.stream().map(name -> namespace + "/" + name).toList());
    List<String> errors = new ArrayList<>();
    PodTemplateSpec template = DaemonPods.createPodTemplate(ds.getSpec().getTemplate(),
        DaemonPods.templateGeneration(ds), hash);
    var eventRef = reference(ds);
    var controllerRef = ControllerRefs.newControllerRef(ds, "apps/v1", "DaemonSet");
    int pos = 0;
    for (int batch = Math.min(createDiff, SLOW_START_INITIAL_BATCH_SIZE); pos < createDiff;
        pos += batch, batch = Math.min(2 * batch, createDiff - pos)) {
      int failedBefore = errors.size();
      for (int i = pos; i < pos + batch; i++) {
        PodTemplateSpec podTemplate = DeepCopy.of(template);
        podTemplate.getSpec().setAffinity(DaemonPods.replaceNodeNameNodeAffinity(podTemplate.getSpec().getAffinity(),
            nodesNeedingDaemonPods.get(i)));
        try {
          podControl.createPod(namespace, podTemplate, ds, eventRef, controllerRef);
        } catch (KubernetesClientException e) {
          if (PodControl.hasCause(e, PodControl.NAMESPACE_TERMINATING_CAUSE)) {
            // every later creation would fail too, and the namespace's deletion takes the DaemonSet
            continue;
          }
          expectations.creationObserved(key);
          errors.add(PodControl.message(e));
        } catch (RuntimeException e) {
          expectations.creationObserved(key);
          errors.add(e.getMessage());
        }
      }
      int skipped = createDiff - (pos + batch);
      if (errors.size() > failedBefore && skipped > 0) {
        LOG.info("daemon set {}: slow-start failure, skipping {} pod creations", key, skipped);
        for (int i = 0; i < skipped; i++) {
          expectations.creationObserved(key);
        }
        break;
      }
    }
    for (String name : deleting) {
      try {
        podControl.deletePod(namespace, name, eventRef);
      } catch (KubernetesClientException e) {
        // the informer will not show this deletion; a pod already gone is no error
        expectations.deletionObserved(key, namespace + "/" + name);
        if (e.getCode() != 404) {
          errors.add(PodControl.message(e));
        }
      } catch (RuntimeException e) {
        expectations.deletionObserved(key, namespace + "/" + name);
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("daemon set " + key + ": " + errors);
    }
  }

  /** The DaemonSet as an event's involved object. */
  static ObjectReference reference(DaemonSet ds) {
    return ControllerRefs.referenceTo(ds, "apps/v1", "DaemonSet");
  }

  /** {@code failedPodsBackoffKey}: per DaemonSet uid, observed generation and node. */
  static String failedPodsBackoffKey(DaemonSet ds, String nodeName) {
    long gen = ds.getStatus() == null || ds.getStatus().getObservedGeneration() == null ? 0
        : ds.getStatus().getObservedGeneration();
    return ds.getMetadata().getUid() + "/" + gen + "/" + nodeName;
  }

  static int minReadySeconds(DaemonSet ds) {
    return ds.getSpec().getMinReadySeconds() == null ? 0 : ds.getSpec().getMinReadySeconds();
  }

  static String labelOf(Pod pod, String label) {
    return pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(label);
  }

  /** {@code podByCreationTimestampAndPhase}: bound pods first, then oldest first, then by name. */
  static final Comparator<Pod> BY_CREATION_TIMESTAMP_AND_PHASE = Comparator
      .comparing((Pod p) -> p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty())
      .thenComparing(p -> Objects.toString(p.getMetadata().getCreationTimestamp(), ""))
      .thenComparing(p -> p.getMetadata().getName());
}
