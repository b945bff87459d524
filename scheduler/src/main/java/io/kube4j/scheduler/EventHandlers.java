package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kube4j.scheduler.cache.SchedulerCache;
import io.kube4j.scheduler.queue.ClusterEvent;
import io.kube4j.scheduler.queue.SchedulingQueue;
import java.util.Objects;
import java.util.Set;

/**
 * The informers' handlers, as upstream's {@code eventhandlers.go}: pending pods this scheduler is
 * responsible for go to the queue; bound pods and nodes go to the cache; events that can make an
 * unschedulable pod fit (a node added or changed, a bound pod gone) move the unschedulable pods back.
 */
final class EventHandlers {

  private final SchedulingQueue queue;
  private final SchedulerCache cache;
  private final Set<String> schedulerNames;
  /** Plugins that count bound pods, so a newly bound pod may let the pods they rejected fit. */
  private final Set<String> assignedPodAddPlugins;

  EventHandlers(SchedulingQueue queue, SchedulerCache cache, Set<String> schedulerNames,
      Set<String> assignedPodAddPlugins) {
    this.queue = queue;
    this.cache = cache;
    this.schedulerNames = Set.copyOf(schedulerNames);
    this.assignedPodAddPlugins = Set.copyOf(assignedPodAddPlugins);
  }

  /** Bound and not finished: it holds resources on its node. */
  static boolean assignedAndRunning(Pod pod) {
    String node = pod.getSpec().getNodeName();
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return node != null && !node.isEmpty() && !"Succeeded".equals(phase) && !"Failed".equals(phase);
  }

  private boolean responsibleFor(Pod pod) {
    String node = pod.getSpec().getNodeName();
    return (node == null || node.isEmpty()) && schedulerNames.contains(ScheduleOne.schedulerName(pod));
  }

  ResourceEventHandler<Pod> pods() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        if (assignedAndRunning(pod)) {
          cache.addPod(pod);
          queue.movePodsRejectedBy(ClusterEvent.ASSIGNED_POD_ADD, assignedPodAddPlugins);
        } else if (responsibleFor(pod) && pod.getMetadata().getDeletionTimestamp() == null) {
          queue.add(pod);
        }
      }

      @Override
      public void onUpdate(Pod oldPod, Pod newPod) {
        if (assignedAndRunning(newPod)) {
          queue.delete(newPod);        // bound (by us or anyone): no longer pending
          cache.updatePod(newPod);
          if (!assignedAndRunning(oldPod)
              || !Objects.equals(oldPod.getMetadata().getLabels(), newPod.getMetadata().getLabels())) {
            queue.movePodsRejectedBy(ClusterEvent.ASSIGNED_POD_ADD, assignedPodAddPlugins);
          }
        } else if (assignedAndRunning(oldPod)) {
          cache.removePod(newPod);     // finished: its resources are free again
          queue.moveAllToActiveOrBackoffQueue(ClusterEvent.ASSIGNED_POD_DELETE);
        } else if (responsibleFor(newPod) && !Objects.equals(oldPod.getMetadata().getResourceVersion(),
            newPod.getMetadata().getResourceVersion())) {
          queue.update(oldPod, newPod);
        }
      }

      @Override
      public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
        if (pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty()) {
          cache.removePod(pod);
          queue.moveAllToActiveOrBackoffQueue(ClusterEvent.ASSIGNED_POD_DELETE);
        } else {
          queue.delete(pod);
        }
      }
    };
  }

  ResourceEventHandler<Node> nodes() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node) {
        cache.addNode(node);
        queue.moveAllToActiveOrBackoffQueue(ClusterEvent.NODE_ADD);
      }

      @Override
      public void onUpdate(Node oldNode, Node newNode) {
        cache.updateNode(newNode);
        // a heartbeat changes only status.conditions' times: not worth retrying every pod for
        if (!Objects.equals(oldNode.getSpec(), newNode.getSpec())
            || !Objects.equals(oldNode.getMetadata().getLabels(), newNode.getMetadata().getLabels())
            || !Objects.equals(oldNode.getStatus() == null ? null : oldNode.getStatus().getAllocatable(),
                newNode.getStatus() == null ? null : newNode.getStatus().getAllocatable())) {
          queue.moveAllToActiveOrBackoffQueue(ClusterEvent.NODE_UPDATE);
        }
      }

      @Override
      public void onDelete(Node node, boolean deletedFinalStateUnknown) {
        cache.removeNode(node);
      }
    };
  }
}
