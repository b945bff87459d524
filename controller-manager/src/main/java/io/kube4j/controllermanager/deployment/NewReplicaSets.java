package io.kube4j.controllermanager.deployment;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.PodControl;
import io.kube4j.controllermanager.deployment.util.DeploymentConditions;
import io.kube4j.controllermanager.deployment.util.DeploymentReplicaSets;
import io.kube4j.controllermanager.deployment.util.Fenceposts;
import io.kube4j.controllermanager.deployment.util.PodTemplateHash;
import io.kube4j.controllermanager.deployment.util.Revisions;
import io.kube4j.controllermanager.record.EventRecorder;
import io.kube4j.controllermanager.controller.DeepCopy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code getNewReplicaSet}: finds, annotates, or creates the ReplicaSet of the Deployment's current template. */
final class NewReplicaSets {

  private static final Logger LOG = LoggerFactory.getLogger(NewReplicaSets.class);

  private final SharedIndexInformer<ReplicaSet> replicaSets;

  NewReplicaSets(SharedIndexInformer<ReplicaSet> replicaSets) {
    this.replicaSets = replicaSets;
  }

  /**
   * An existing new ReplicaSet gets the Deployment's annotations, revision max(old) + 1 and
   * minReadySeconds; the Deployment gets its revision (and, if it has none yet, Progressing
   * FoundNewReplicaSet). A missing one is created, if asked, named {@code <deployment>-<hash>} with
   * the hash added to its template labels and selector, sized by {@code NewRSNewReplicas}. A name
   * taken by a ReplicaSet with another template is a hash collision: {@code status.collisionCount}
   * is raised so the next try hashes differently.
   */
  ReplicaSet getNewReplicaSet(DeploymentSync sync, Deployment d, List<ReplicaSet> rsList, List<ReplicaSet> oldRSs,
      boolean createIfNotExisted) {
    ReplicaSet existing = DeploymentReplicaSets.findNew(d, rsList);
    String newRevision = Long.toString(Revisions.maxRevision(oldRSs) + 1);
    if (existing != null) {
      ReplicaSet copy = DeepCopy.of(existing);
      boolean annotationsUpdated = Revisions.setNewReplicaSetAnnotations(d, copy, newRevision, true,
          Revisions.MAX_REV_HISTORY_LENGTH_IN_CHARS);
      int minReadySeconds = n(d.getSpec().getMinReadySeconds());
      if (annotationsUpdated || n(copy.getSpec().getMinReadySeconds()) != minReadySeconds) {
        copy.getSpec().setMinReadySeconds(minReadySeconds);
        return sync.client.apps().replicaSets().inNamespace(copy.getMetadata().getNamespace()).resource(copy).update();
      }
      boolean needsUpdate = Revisions.setDeploymentRevision(d, copy.getMetadata().getAnnotations().get(Revisions.REVISION));
      if (DeploymentConditions.hasProgressDeadline(d)
          && DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING).isEmpty()) {
        DeploymentConditions.set(DeploymentSync.status(d), DeploymentConditions.newCondition(
            DeploymentConditions.PROGRESSING, "True", DeploymentConditions.FOUND_NEW_RS,
            "Found new replica set \"" + copy.getMetadata().getName() + "\"", sync.clock.instant()));
        needsUpdate = true;
      }
      if (needsUpdate) {
        sync.updateStatus(d);
      }
      return copy;
    }
    if (!createIfNotExisted) {
      return null;
    }

    PodTemplateSpec template = DeepCopy.of(d.getSpec().getTemplate());
    String hash = PodTemplateHash.computeHash(template, DeploymentSync.status(d).getCollisionCount());
    Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels() == null ? Map.of()
        : template.getMetadata().getLabels());
    labels.put(PodTemplateHash.LABEL, hash);
    template.getMetadata().setLabels(labels);
    var selector = DeepCopy.of(d.getSpec().getSelector());
    Map<String, String> matchLabels = new HashMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
    matchLabels.put(PodTemplateHash.LABEL, hash);
    selector.setMatchLabels(matchLabels);
    ReplicaSet newRS = new ReplicaSetBuilder()
        // a deterministic name makes creation idempotent
        .withNewMetadata().withName(d.getMetadata().getName() + "-" + hash).withNamespace(d.getMetadata().getNamespace())
        .withOwnerReferences(ControllerRefs.newControllerRef(d, "apps/v1", "Deployment"))
        .withLabels(new HashMap<>(labels)).endMetadata()
        .withNewSpec().withReplicas(0).withMinReadySeconds(n(d.getSpec().getMinReadySeconds()))
        .withSelector(selector).withTemplate(template).endSpec().build();
    List<ReplicaSet> all = new ArrayList<>(oldRSs);
    all.add(newRS);
    int newReplicasCount = Fenceposts.newRSNewReplicas(d, all, newRS);
    newRS.getSpec().setReplicas(newReplicasCount);
    Revisions.setNewReplicaSetAnnotations(d, newRS, newRevision, false, Revisions.MAX_REV_HISTORY_LENGTH_IN_CHARS);

    ReplicaSet created;
    boolean alreadyExists = false;
    try {
      created = sync.client.apps().replicaSets().inNamespace(d.getMetadata().getNamespace()).resource(newRS).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        ReplicaSet found = replicaSets.getIndexer().getByKey(d.getMetadata().getNamespace() + "/"
            + newRS.getMetadata().getName());
        if (found == null) {
          throw e;
        }
        if (ControllerRefs.isControlledBy(found, d.getMetadata().getUid())
            && PodTemplateHash.equalIgnoreHash(d.getSpec().getTemplate(), found.getSpec().getTemplate())) {
          created = DeepCopy.of(found);
          alreadyExists = true;
        } else {
          Integer count = DeploymentSync.status(d).getCollisionCount();
          d.getStatus().setCollisionCount(count == null ? 1 : count + 1);
          sync.updateStatus(d);
          LOG.info("hash collision for deployment {}/{}: collisionCount {} -> {}", d.getMetadata().getNamespace(),
              d.getMetadata().getName(), count, d.getStatus().getCollisionCount());
          throw e;
        }
      } else if (PodControl.hasCause(e, PodControl.NAMESPACE_TERMINATING_CAUSE)) {
        throw e;
      } else {
        String msg = "Failed to create new replica set \"" + newRS.getMetadata().getName() + "\": " + PodControl.message(e);
        if (DeploymentConditions.hasProgressDeadline(d)) {
          DeploymentConditions.set(DeploymentSync.status(d), DeploymentConditions.newCondition(
              DeploymentConditions.PROGRESSING, "False", DeploymentConditions.FAILED_RS_CREATE, msg, sync.clock.instant()));
          try {
            sync.updateStatus(d);
          } catch (KubernetesClientException ignored) {
            // the bigger problem is the one reported
          }
        }
        sync.recorder.event(ControllerRefs.referenceTo(d, "apps/v1", "Deployment"), EventRecorder.TYPE_WARNING,
            DeploymentConditions.FAILED_RS_CREATE, msg);
        throw e;
      }
    }
    if (!alreadyExists && newReplicasCount > 0) {
      sync.recorder.event(ControllerRefs.referenceTo(d, "apps/v1", "Deployment"), EventRecorder.TYPE_NORMAL,
          DeploymentSync.SCALING_REPLICA_SET, "Scaled up replica set " + created.getMetadata().getName() + " from 0 to "
              + newReplicasCount);
    }
    boolean needsUpdate = Revisions.setDeploymentRevision(d, newRevision);
    if (!alreadyExists && DeploymentConditions.hasProgressDeadline(d)) {
      DeploymentConditions.set(DeploymentSync.status(d), DeploymentConditions.newCondition(
          DeploymentConditions.PROGRESSING, "True", DeploymentConditions.NEW_REPLICA_SET,
          "Created new replica set \"" + created.getMetadata().getName() + "\"", sync.clock.instant()));
      needsUpdate = true;
    }
    if (needsUpdate) {
      sync.updateStatus(d);
    }
    return created;
  }

  private static int n(Integer v) {
    return v == null ? 0 : v;
  }
}
