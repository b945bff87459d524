package io.kube4j.controllermanager.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.deployment.util.PodTemplateHash;
import io.kube4j.controllermanager.deployment.util.Revisions;
import io.kube4j.controllermanager.record.EventRecorder;
import io.kube4j.controllermanager.controller.DeepCopy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Server-side rollback ({@code rollback.go}), asked for by the {@code deprecated.deployment.rollback.to}
 * annotation that round-trips extensions/v1beta1's {@code spec.rollbackTo}. kubectl 1.32's
 * {@code rollout undo} does not use it: it patches the old ReplicaSet's template into the Deployment
 * itself, which the controller then rolls out like any template change.
 */
final class Rollback {

  static final String ROLLBACK_DONE = "DeploymentRollback";
  static final String ROLLBACK_REVISION_NOT_FOUND = "DeploymentRollbackRevisionNotFound";
  static final String ROLLBACK_TEMPLATE_UNCHANGED = "DeploymentRollbackTemplateUnchanged";

  private final DeploymentSync sync;

  Rollback(DeploymentSync sync) {
    this.sync = sync;
  }

  /** {@code getRollbackTo}: the revision asked for (0: the previous one), if any. */
  static OptionalLong rollbackTo(Deployment d) {
    Map<String, String> a = d.getMetadata().getAnnotations();
    String v = a == null ? null : a.get(Revisions.DEPRECATED_ROLLBACK_TO);
    if (v == null || v.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** {@code rollback}: copy the template of the ReplicaSet of that revision, and clear the request. */
  void rollback(Deployment d, List<ReplicaSet> rsList) {
    DeploymentSync.ReplicaSetsOf rss = sync.allReplicaSetsAndSyncRevision(d, rsList, true);
    List<ReplicaSet> all = rss.all();
    long revision = rollbackTo(d).orElse(0);
    if (revision == 0) {
      revision = lastRevision(all);
      if (revision == 0) {
        warn(d, ROLLBACK_REVISION_NOT_FOUND, "Unable to find last revision.");
        clearRollbackTo(d);
        return;
      }
    }
    for (ReplicaSet rs : all) {
      long v;
      try {
        v = Revisions.revision(rs);
      } catch (NumberFormatException e) {
        continue;
      }
      if (v == revision) {
        if (PodTemplateHash.equalIgnoreHash(d.getSpec().getTemplate(), rs.getSpec().getTemplate())) {
          warn(d, ROLLBACK_TEMPLATE_UNCHANGED, "The rollback revision contains the same template as current deployment \""
              + d.getMetadata().getName() + "\"");
        } else {
          var template = DeepCopy.of(rs.getSpec().getTemplate());
          Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
          labels.remove(PodTemplateHash.LABEL);
          template.getMetadata().setLabels(labels);
          d.getSpec().setTemplate(template);
          Map<String, String> annotations = new HashMap<>();
          d.getMetadata().getAnnotations().forEach((k, val) -> {
            if (Revisions.ANNOTATIONS_TO_SKIP.contains(k)) {
              annotations.put(k, val);
            }
          });
          if (rs.getMetadata().getAnnotations() != null) {
            rs.getMetadata().getAnnotations().forEach((k, val) -> {
              if (!Revisions.ANNOTATIONS_TO_SKIP.contains(k)) {
                annotations.put(k, val);
              }
            });
          }
          d.getMetadata().setAnnotations(annotations);
          sync.recorder.event(ControllerRefs.referenceTo(d, "apps/v1", "Deployment"), EventRecorder.TYPE_NORMAL,
              ROLLBACK_DONE, "Rolled back deployment \"" + d.getMetadata().getName() + "\" to revision " + revision);
        }
        clearRollbackTo(d);
        return;
      }
    }
    warn(d, ROLLBACK_REVISION_NOT_FOUND, "Unable to find the revision to rollback to.");
    clearRollbackTo(d);
  }

  /** {@code LastRevision}: the second highest revision. */
  static long lastRevision(List<ReplicaSet> all) {
    long max = 0;
    long second = 0;
    for (ReplicaSet rs : all) {
      long v;
      try {
        v = Revisions.revision(rs);
      } catch (NumberFormatException e) {
        continue;
      }
      if (v >= max) {
        second = max;
        max = v;
      } else if (v > second) {
        second = v;
      }
    }
    return second;
  }

  private void warn(Deployment d, String reason, String message) {
    sync.recorder.event(ControllerRefs.referenceTo(d, "apps/v1", "Deployment"), EventRecorder.TYPE_WARNING, reason,
        message);
  }

  /** {@code updateDeploymentAndClearRollbackTo}: a PUT of the Deployment without the request. */
  private void clearRollbackTo(Deployment d) {
    d.getMetadata().getAnnotations().remove(Revisions.DEPRECATED_ROLLBACK_TO);
    sync.client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).update();
  }
}
