package io.kube4j.controllermanager.daemon;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kube4j.controllermanager.controller.ControllerRefManager;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.DeepCopy;
import io.kube4j.controllermanager.history.ControllerRevisions;
import io.kube4j.controllermanager.history.History;
import io.kube4j.controllermanager.history.TemplatePatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A DaemonSet's ControllerRevisions ({@code constructHistory}, {@code snapshot},
 * {@code cleanupHistory} in {@code update.go}): the revision matching the current template is the
 * current one (created if missing, renumbered to the top after a rollback); the others are old, and
 * the oldest of those no pod uses any more are deleted beyond {@code revisionHistoryLimit}.
 *
 * <p>Unlike upstream, the hash in a revision's name and in the pods' {@code controller-revision-hash}
 * label is taken over the revision's data (as the StatefulSet controller does), not over Go's
 * in-memory form of the template, which Java cannot reproduce.
 */
final class DaemonSetHistory {

  /** The current revision and the old ones. */
  record Revisions(ControllerRevision current, List<ControllerRevision> old) {
    String hash() {
      return current.getMetadata().getLabels().get(DaemonPods.CONTROLLER_REVISION_HASH_LABEL);
    }
  }

  private final KubernetesClient client;
  private final History history;

  DaemonSetHistory(KubernetesClient client, History history) {
    this.client = client;
    this.history = history;
  }

  /** {@code constructHistory}. {@code pods} gives the DaemonSet's pods, for relabelling after a dedup. */
  Revisions construct(DaemonSet ds, Supplier<DaemonSet> fresh, Supplier<Collection<Pod>> pods) {
    List<ControllerRevision> controlled = controlledHistories(ds, fresh);
    String patch = TemplatePatch.of(ds.getSpec().getTemplate());
    List<ControllerRevision> current = new ArrayList<>();
    List<ControllerRevision> old = new ArrayList<>();
    for (ControllerRevision r : controlled) {
      if (r.getMetadata().getLabels() == null || !r.getMetadata().getLabels().containsKey(DaemonPods.CONTROLLER_REVISION_HASH_LABEL)) {
        // older revisions without the label get their name as hash: no collision to worry about
        ControllerRevision toUpdate = DeepCopy.of(r);
        Map<String, String> labels = toUpdate.getMetadata().getLabels() == null ? new LinkedHashMap<>()
            : new LinkedHashMap<>(toUpdate.getMetadata().getLabels());
        labels.put(DaemonPods.CONTROLLER_REVISION_HASH_LABEL, toUpdate.getMetadata().getName());
        toUpdate.getMetadata().setLabels(labels);
        r = client.apps().controllerRevisions().inNamespace(ds.getMetadata().getNamespace()).resource(toUpdate).update();
      }
      (patch.equals(ControllerRevisions.data(r)) ? current : old).add(r);
    }
    long currRevision = ControllerRevisions.maxRevision(old) + 1;
    ControllerRevision cur;
    if (current.isEmpty()) {
      cur = snapshot(ds, patch, currRevision);
    } else {
      cur = dedupCurHistories(ds, current, pods);
      if (cur.getRevision() == null || cur.getRevision() < currRevision) {
        ControllerRevision toUpdate = DeepCopy.of(cur);
        toUpdate.setRevision(currRevision);
        cur = client.apps().controllerRevisions().inNamespace(ds.getMetadata().getNamespace()).resource(toUpdate).update();
      }
    }
    return new Revisions(cur, old);
  }

  /** The revisions this DaemonSet owns, after adopting orphans that match its selector. */
  private List<ControllerRevision> controlledHistories(DaemonSet ds, Supplier<DaemonSet> fresh) {
    var manager = new ControllerRefManager<ControllerRevision>(ds, "apps/v1", "DaemonSet", ds.getSpec().getSelector(),
        fresh::get, history::patch);
    return manager.claim(history.listAll(ds.getMetadata().getNamespace()));
  }

  /**
   * {@code snapshot}: creates the revision for the current template. A name taken by a revision with
   * other data is a hash collision: the DaemonSet's {@code status.collisionCount} goes up and the
   * sync is retried, giving a new name.
   */
  private ControllerRevision snapshot(DaemonSet ds, String patch, long revision) {
    Integer collisionCount = ds.getStatus() == null ? null : ds.getStatus().getCollisionCount();
    String hash = ControllerRevisions.hash(patch, collisionCount);
    String name = ds.getMetadata().getName() + "-" + hash;
    Map<String, String> labels = ds.getSpec().getTemplate().getMetadata().getLabels() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(ds.getSpec().getTemplate().getMetadata().getLabels());
    labels.put(DaemonPods.CONTROLLER_REVISION_HASH_LABEL, hash);
    ControllerRevision cr = new ControllerRevisionBuilder().withNewMetadata().withName(name)
        .withNamespace(ds.getMetadata().getNamespace()).withLabels(labels)
        .withAnnotations(ds.getMetadata().getAnnotations())
        .withOwnerReferences(ControllerRefs.newControllerRef(ds, "apps/v1", "DaemonSet")).endMetadata()
        .withData(TemplatePatch.parse(patch)).withRevision(revision).build();
    var revisions = client.apps().controllerRevisions().inNamespace(ds.getMetadata().getNamespace());
    try {
      return revisions.resource(cr).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      ControllerRevision existing = revisions.withName(name).get();
      if (existing != null && patch.equals(ControllerRevisions.data(existing))) {
        return existing;
      }
      DaemonSet current = client.apps().daemonSets().inNamespace(ds.getMetadata().getNamespace())
          .withName(ds.getMetadata().getName()).get();
      if (current == null) {
        throw e;
      }
      Integer now = current.getStatus() == null ? null : current.getStatus().getCollisionCount();
      if (!Objects.equals(now, collisionCount)) {
        throw new IllegalStateException("found a stale collision count of DaemonSet " + name + "; will retry");
      }
      current.getStatus().setCollisionCount(now == null ? 1 : now + 1);
      client.apps().daemonSets().inNamespace(ds.getMetadata().getNamespace()).resource(current).updateStatus();
      throw new IllegalStateException("hash collision for DaemonSet " + ds.getMetadata().getName()
          + ": collisionCount bumped to " + current.getStatus().getCollisionCount(), e);
    }
  }

  /**
   * {@code dedupCurHistories}: of several revisions with the current template (possible after
   * collisions), keeps the highest; pods with another hash get the kept one's, the rest are deleted.
   */
  private ControllerRevision dedupCurHistories(DaemonSet ds, List<ControllerRevision> current,
      Supplier<Collection<Pod>> pods) {
    if (current.size() == 1) {
      return current.get(0);
    }
    ControllerRevision keep = current.stream().max(ControllerRevisions.BY_REVISION).orElseThrow();
    String keepHash = keep.getMetadata().getLabels().get(DaemonPods.CONTROLLER_REVISION_HASH_LABEL);
    for (Pod pod : pods.get()) {
      if (!keepHash.equals(DaemonSetSync.labelOf(pod, DaemonPods.CONTROLLER_REVISION_HASH_LABEL))) {
        client.pods().inNamespace(ds.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
            .patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"" + DaemonPods.CONTROLLER_REVISION_HASH_LABEL + "\":\"" + keepHash + "\"}}}");
      }
    }
    for (ControllerRevision r : current) {
      if (!r.getMetadata().getName().equals(keep.getMetadata().getName())) {
        history.delete(r);
      }
    }
    return keep;
  }

  /**
   * {@code cleanupHistory}: deletes old revisions, oldest first, until {@code revisionHistoryLimit}
   * remain, skipping those a live pod (even a terminal one) still carries the hash of.
   */
  void cleanup(DaemonSet ds, List<ControllerRevision> old, Map<String, List<Pod>> nodeToDaemonPods) {
    int toKeep = ds.getSpec().getRevisionHistoryLimit() == null ? 10 : ds.getSpec().getRevisionHistoryLimit();
    int toKill = old.size() - toKeep;
    if (toKill <= 0) {
      return;
    }
    Set<String> liveHashes = new HashSet<>();
    nodeToDaemonPods.values().forEach(pods -> pods.forEach(p -> {
      String h = DaemonSetSync.labelOf(p, DaemonPods.CONTROLLER_REVISION_HASH_LABEL);
      if (h != null && !h.isEmpty()) {
        liveHashes.add(h);
      }
    }));
    List<ControllerRevision> sorted = new ArrayList<>(old);
    sorted.sort(ControllerRevisions.BY_REVISION);
    for (ControllerRevision r : sorted) {
      if (toKill <= 0) {
        break;
      }
      if (liveHashes.contains(r.getMetadata().getLabels().get(DaemonPods.CONTROLLER_REVISION_HASH_LABEL))) {
        continue;
      }
      history.delete(r);
      toKill--;
    }
  }
}
