package io.kube4j.agent.pod;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's {@code SyncHandler} for pods from the API ({@code HandlePodAdditions},
 * {@code HandlePodUpdates}, {@code HandlePodRemoves}): a new pod is admitted first — one at a time,
 * since each admission counts the pods admitted before it — then handed to its worker. Events arrive
 * from one informer, in order, on one thread at a time.
 */
public final class SyncHandler implements ResourceEventHandler<Pod> {

  private static final Logger LOG = LoggerFactory.getLogger(SyncHandler.class);

  private final PodWorkers workers;
  private final StatusManager statusManager;
  private final Supplier<Node> node;
  private final Clock clock;

  /** @param node this agent's Node as last written, for its allocatable resources and labels */
  public SyncHandler(PodWorkers workers, StatusManager statusManager, Supplier<Node> node, Clock clock) {
    this.workers = workers;
    this.statusManager = statusManager;
    this.node = node;
    this.clock = clock;
  }

  @Override
  public void onAdd(Pod pod) {
    handle(pod);
  }

  @Override
  public void onUpdate(Pod oldPod, Pod pod) {
    handle(pod);
  }

  @Override
  public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
    workers.removePod(pod);
  }

  private synchronized void handle(Pod pod) {
    String uid = pod.getMetadata().getUid();
    boolean terminal = pod.getStatus() != null && PodStatusGenerator.isTerminal(pod.getStatus().getPhase());
    if (!workers.isKnown(uid) && !terminal && pod.getMetadata().getDeletionTimestamp() == null) {
      List<Pod> admitted = workers.activePods();
      PredicateAdmitHandler.Result result = PredicateAdmitHandler.admit(pod, admitted, node.get());
      if (!result.admit()) {
        reject(pod, result);
        return;
      }
    }
    workers.updatePod(pod);
  }

  /** {@code rejectPod}: the pod fails with the admission's reason and never runs here. */
  private void reject(Pod pod, PredicateAdmitHandler.Result result) {
    LOG.info("pod {}/{} rejected: {}: {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
        result.reason(), result.message());
    workers.rejected(pod);
    PodStatus old = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    PodStatus failed = new PodStatus();
    failed.setPhase("Failed");
    failed.setReason(result.reason());
    failed.setMessage("Pod was rejected: " + result.message());
    failed.setQosClass(old.getQosClass());
    failed.setConditions(old.getConditions());
    failed.setStartTime(old.getStartTime() != null ? old.getStartTime() : PodStatusGenerator.format(clock.instant()));
    try {
      statusManager.setPodStatus(new PodBuilder(pod).build(), failed);
    } catch (RuntimeException e) {
      LOG.warn("pod {}/{}: cannot write the rejection: {}", pod.getMetadata().getNamespace(),
          pod.getMetadata().getName(), e.toString());
    }
  }
}
