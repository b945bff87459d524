package io.kube4j.controllermanager.history;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllermanager.controller.ControllerRefManager;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.DeepCopy;
import io.kube4j.controllermanager.controller.StrategicMergePatch;
import io.kube4j.componentbase.labels.LabelSelectors;
import java.util.List;

/**
 * A controller's history as recorded in ControllerRevisions ({@code history.Interface} and
 * {@code realHistory}): read from the shared informer's cache, written through the API.
 */
public final class History {

  private final KubernetesClient client;
  private final SharedIndexInformer<ControllerRevision> revisions;

  public History(KubernetesClient client, SharedIndexInformer<ControllerRevision> revisions) {
    this.client = client;
    this.revisions = revisions;
  }

  /**
   * {@code ListControllerRevisions}: the revisions in the parent's namespace that match
   * {@code selector} and are owned by the parent or by no controller (orphans to adopt).
   */
  public List<ControllerRevision> list(HasMetadata parent, LabelSelector selector) {
    return revisions.getIndexer().byIndex(Cache.NAMESPACE_INDEX, parent.getMetadata().getNamespace()).stream()
        .filter(r -> LabelSelectors.matches(selector, r.getMetadata().getLabels()))
        .filter(r -> ControllerRefs.controllerOf(r).map(ref -> ref.getUid().equals(parent.getMetadata().getUid()))
            .orElse(true)).toList();
  }

  /** Every revision in the namespace, for a controller that claims with a {@link ControllerRefManager}. */
  public List<ControllerRevision> listAll(String namespace) {
    return revisions.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
  }

  /**
   * {@code CreateControllerRevision}: creates {@code revision} under its hashed name; if another
   * revision with different data holds that name, bumps {@code collisionCount[0]} and tries the
   * next name. A revision with the same data already there is returned as is.
   */
  public ControllerRevision create(HasMetadata parent, ControllerRevision revision, int[] collisionCount) {
    String data = ControllerRevisions.data(revision);
    while (true) {
      ControllerRevision clone = DeepCopy.of(revision);
      String hash = ControllerRevisions.hash(data, collisionCount[0]);
      clone.getMetadata().setName(ControllerRevisions.name(parent.getMetadata().getName(), hash));
      clone.getMetadata().getLabels().put(ControllerRevisions.HASH_LABEL, hash);
      String ns = parent.getMetadata().getNamespace();
      try {
        return client.apps().controllerRevisions().inNamespace(ns).resource(clone).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        ControllerRevision exists = client.apps().controllerRevisions().inNamespace(ns)
            .withName(clone.getMetadata().getName()).get();
        if (exists != null && data.equals(ControllerRevisions.data(exists))) {
          return exists;
        }
        collisionCount[0]++;
      }
    }
  }

  /** {@code UpdateControllerRevision}: gives an existing revision a new number (a rollback to it). */
  public ControllerRevision updateRevision(ControllerRevision revision, long newRevision) {
    if (revision.getRevision() != null && revision.getRevision() == newRevision) {
      return revision;
    }
    ControllerRevision clone = DeepCopy.of(revision);
    for (int attempt = 0; ; attempt++) {
      clone.setRevision(newRevision);
      try {
        return client.apps().controllerRevisions().inNamespace(clone.getMetadata().getNamespace()).resource(clone)
            .update();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 4) {
          throw e;
        }
        clone = client.apps().controllerRevisions().inNamespace(clone.getMetadata().getNamespace())
            .withName(clone.getMetadata().getName()).get();
        if (clone == null) {
          throw e;
        }
      }
    }
  }

  /** {@code DeleteControllerRevision}. */
  public void delete(ControllerRevision revision) {
    client.apps().controllerRevisions().inNamespace(revision.getMetadata().getNamespace())
        .withName(revision.getMetadata().getName()).delete();
  }

  /** Patches one revision: the {@link ControllerRefManager.Patcher} for adopting and releasing revisions. */
  public void patch(ControllerRevision revision, String strategicMergePatch) {
    StrategicMergePatch.send(client, "/apis/apps/v1/namespaces/" + revision.getMetadata().getNamespace()
        + "/controllerrevisions/" + revision.getMetadata().getName(), strategicMergePatch);
  }
}
