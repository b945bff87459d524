package io.kube4j.controllermanager.statefulset;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.DeepCopy;
import io.kube4j.controllermanager.controller.PodControl;
import io.kube4j.controllermanager.record.EventRecorder;
import java.util.Map;

/**
 * Creates, updates and deletes a StatefulSet's pods and creates their claims, with upstream's events
 * ({@code StatefulPodControl}): {@code SuccessfulCreate "create Pod web-0 in StatefulSet web
 * successful"}, {@code "create Claim www-web-0 Pod web-0 in StatefulSet web success"},
 * {@code SuccessfulDelete "delete Pod web-2 in StatefulSet web successful"}, and their
 * {@code Failed*} counterparts. Claims are created before their pod and never deleted here: what
 * becomes of them is the retention policy's owner references and the garbage collector.
 */
final class StatefulPodControl {

  private final KubernetesClient client;
  private final SharedIndexInformer<PersistentVolumeClaim> claims;
  private final EventRecorder recorder;

  StatefulPodControl(KubernetesClient client, SharedIndexInformer<PersistentVolumeClaim> claims, EventRecorder recorder) {
    this.client = client;
    this.claims = claims;
    this.recorder = recorder;
  }

  /** {@code CreateStatefulPod}: the claims first, then the pod, then the claims' owner references. */
  void createStatefulPod(StatefulSet set, Pod pod) {
    try {
      createMissingClaims(set, pod);
    } catch (KubernetesClientException e) {
      recordPodEvent("create", set, pod, e);
      throw e;
    }
    Pod created;
    try {
      created = client.pods().inNamespace(set.getMetadata().getNamespace()).resource(pod).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw e;  // already exists: the informer has not shown it yet; no event, as upstream
      }
      recordPodEvent("create", set, pod, e);
      throw e;
    }
    updateClaimsForRetentionPolicy(set, created);
    recordPodEvent("create", set, pod, null);
  }

  /**
   * {@code UpdateStatefulPod}: restores the pod's identity (name label, index label) and storage
   * volumes if they drifted, and the claims' owner references. Retried on conflict with a fresh read.
   */
  void updateStatefulPod(StatefulSet set, Pod pod) {
    Pod current = DeepCopy.of(pod);
    for (int attempt = 0; ; attempt++) {
      boolean consistent = true;
      if (!StatefulSets.identityMatches(set, current)) {
        StatefulSets.updateIdentity(set, current);
        consistent = false;
      }
      if (!StatefulSets.storageMatches(set, current)) {
        StatefulSets.updateStorage(set, current);
        consistent = false;
        createMissingClaims(set, current);
      }
      updateClaimsForRetentionPolicy(set, current);
      if (consistent) {
        return;
      }
      try {
        client.pods().inNamespace(set.getMetadata().getNamespace()).resource(current).update();
        recordPodEvent("update", set, current, null);
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 4) {
          recordPodEvent("update", set, current, e);
          throw e;
        }
        current = client.pods().inNamespace(set.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).get();
        if (current == null) {
          throw e;
        }
      }
    }
  }

  /** {@code DeleteStatefulPod}. */
  void deleteStatefulPod(StatefulSet set, Pod pod) {
    try {
      client.pods().inNamespace(set.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
      recordPodEvent("delete", set, pod, null);
    } catch (KubernetesClientException e) {
      recordPodEvent("delete", set, pod, e);
      throw e;
    }
  }

  /** {@code createPersistentVolumeClaims}: each claim the pod needs that does not exist yet. */
  void createMissingClaims(StatefulSet set, Pod pod) {
    for (PersistentVolumeClaim claim : StatefulSets.claims(set, pod).values()) {
      if (claim(set, claim.getMetadata().getName()) != null) {
        continue;
      }
      try {
        client.persistentVolumeClaims().inNamespace(set.getMetadata().getNamespace()).resource(claim).create();
        recordClaimEvent("create", set, pod, claim, null);
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          continue;  // created meanwhile; the informer is behind
        }
        recordClaimEvent("create", set, pod, claim, e);
        throw e;
      }
    }
  }

  /** {@code PodClaimIsStale}: some claim of the pod is still owned by an earlier pod of its name. */
  boolean podClaimIsStale(StatefulSet set, Pod pod) {
    for (PersistentVolumeClaim claim : StatefulSets.claims(set, pod).values()) {
      PersistentVolumeClaim existing = claim(set, claim.getMetadata().getName());
      if (existing != null && ClaimRetention.isStale(existing, pod)) {
        return true;
      }
    }
    return false;
  }

  /** {@code ClaimsMatchRetentionPolicy}: a claim not created yet counts as matching. */
  boolean claimsMatchRetentionPolicy(StatefulSet set, Pod pod) {
    for (PersistentVolumeClaim claim : StatefulSets.claims(set, pod).values()) {
      PersistentVolumeClaim existing = claim(set, claim.getMetadata().getName());
      if (existing != null && !ClaimRetention.matches(existing, set, pod)) {
        return false;
      }
    }
    return true;
  }

  /** {@code UpdatePodClaimForRetentionPolicy}: PUT each claim whose owner references must change. */
  void updateClaimsForRetentionPolicy(StatefulSet set, Pod pod) {
    for (Map.Entry<String, PersistentVolumeClaim> e : StatefulSets.claims(set, pod).entrySet()) {
      PersistentVolumeClaim existing = claim(set, e.getValue().getMetadata().getName());
      if (existing == null) {
        existing = client.persistentVolumeClaims().inNamespace(set.getMetadata().getNamespace())
            .withName(e.getValue().getMetadata().getName()).get();
      }
      if (existing == null) {
        continue;
      }
      PersistentVolumeClaim copy = DeepCopy.of(existing);
      if (ClaimRetention.update(copy, set, pod)) {
        client.persistentVolumeClaims().inNamespace(set.getMetadata().getNamespace()).resource(copy).update();
      }
    }
  }

  /** The set as an event's involved object. */
  private static ObjectReference reference(StatefulSet set) {
    return ControllerRefs.referenceTo(set, "apps/v1", "StatefulSet");
  }

  private PersistentVolumeClaim claim(StatefulSet set, String name) {
    return claims.getIndexer().getByKey(set.getMetadata().getNamespace() + "/" + name);
  }

  /** {@code recordPodEvent}: e.g. {@code SuccessfulCreate "create Pod web-0 in StatefulSet web successful"}. */
  private void recordPodEvent(String verb, StatefulSet set, Pod pod, KubernetesClientException err) {
    String title = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    if (err == null) {
      recorder.event(reference(set), EventRecorder.TYPE_NORMAL, "Successful" + title,
          verb + " Pod " + pod.getMetadata().getName() + " in StatefulSet " + set.getMetadata().getName() + " successful");
    } else {
      recorder.event(reference(set), EventRecorder.TYPE_WARNING, "Failed" + title,
          verb + " Pod " + pod.getMetadata().getName() + " in StatefulSet " + set.getMetadata().getName()
              + " failed error: " + PodControl.message(err));
    }
  }

  private void recordClaimEvent(String verb, StatefulSet set, Pod pod, PersistentVolumeClaim claim,
      KubernetesClientException err) {
    String title = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    if (err == null) {
      recorder.event(reference(set), EventRecorder.TYPE_NORMAL, "Successful" + title,
          verb + " Claim " + claim.getMetadata().getName() + " Pod " + pod.getMetadata().getName() + " in StatefulSet "
              + set.getMetadata().getName() + " success");
    } else {
      recorder.event(reference(set), EventRecorder.TYPE_WARNING, "Failed" + title,
          verb + " Claim " + claim.getMetadata().getName() + " for Pod " + pod.getMetadata().getName()
              + " in StatefulSet " + set.getMetadata().getName() + " failed error: " + PodControl.message(err));
    }
  }
}
