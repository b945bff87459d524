package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kube4j.componentbase.labels.LabelSelectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Claims the objects a controller selects ({@code BaseControllerRefManager.ClaimObject} and its pod
 * and ReplicaSet flavours): adopts matching orphans, releases owned objects that stopped matching,
 * and leaves objects another controller owns alone. Both adoption and release are strategic merge
 * patches that also carry the object's {@code metadata.uid}: the UID is immutable, so if the object
 * was deleted and re-created under the same name meanwhile, the patch is rejected rather than
 * applied to an object the controller never saw (the "uid precondition").
 *
 * <p>One instance serves one sync: the {@code canAdopt} check (a live read of the controller, which
 * must not be being deleted) runs at most once, and only if an adoption is attempted.
 *
 * @param <T> the claimed kind (Pod, ReplicaSet, ControllerRevision)
 */
public final class ControllerRefManager<T extends HasMetadata> {

  /** Sends a strategic merge patch to one claimed object. */
  @FunctionalInterface
  public interface Patcher<T> {
    void patch(T obj, String strategicMergePatch);
  }

  private final HasMetadata controller;
  private final String apiVersion;
  private final String kind;
  private final LabelSelector selector;
  private final Supplier<HasMetadata> freshController;
  private final Patcher<T> patcher;
  private Optional<RuntimeException> canAdopt;

  /**
   * @param freshController a live GET of the controller ({@code RecheckDeletionTimestamp}); throws
   *     if it is gone or was replaced by another object of the same name
   */
  public ControllerRefManager(HasMetadata controller, String apiVersion, String kind, LabelSelector selector,
      Supplier<HasMetadata> freshController, Patcher<T> patcher) {
    this.controller = controller;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.selector = selector;
    this.freshController = freshController;
    this.patcher = patcher;
  }

  /**
   * {@code ClaimPods} / {@code ClaimReplicaSets} / {@code ClaimControllerRevisions}: the objects this
   * controller owns after adopting and releasing. Every object is tried; if any adoption or release
   * failed, the first failure is thrown (the others suppressed in it) so the sync is retried.
   */
  public List<T> claim(Collection<T> objects) {
    return claim(objects, obj -> true);
  }

  /**
   * {@code ClaimPods} with filters: an object counts as selected only if the selector matches and
   * {@code filter} accepts it (a StatefulSet selects only pods named after it).
   */
  public List<T> claim(Collection<T> objects, Predicate<T> filter) {
    List<T> claimed = new ArrayList<>();
    List<RuntimeException> errors = new ArrayList<>();
    for (T obj : objects) {
      try {
        if (claimObject(obj, LabelSelectors.matches(selector, obj.getMetadata().getLabels()) && filter.test(obj))) {
          claimed.add(obj);
        }
      } catch (RuntimeException e) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      RuntimeException first = errors.get(0);
      errors.subList(1, errors.size()).forEach(first::addSuppressed);
      throw first;
    }
    return claimed;
  }

  private boolean claimObject(T obj, boolean matches) {
    Optional<OwnerReference> ref = ControllerRefs.controllerOf(obj);
    boolean beingDeleted = controller.getMetadata().getDeletionTimestamp() != null;
    if (ref.isPresent()) {
      if (!ref.get().getUid().equals(controller.getMetadata().getUid())) {
        return false;
      }
      if (matches) {
        // owned and matching: claimed even while the controller is being deleted (no action needed)
        return true;
      }
      if (beingDeleted) {
        return false;
      }
      release(obj);
      return false;
    }
    if (beingDeleted || !matches || obj.getMetadata().getDeletionTimestamp() != null
        || !controller.getMetadata().getNamespace().equals(obj.getMetadata().getNamespace())) {
      return false;
    }
    try {
      adopt(obj);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
    return true;
  }

  /** {@code AdoptPod}: become the object's controller, if the controller is not being deleted. */
  private void adopt(T obj) {
    checkCanAdopt();
    Map<String, Object> ownerRef = new LinkedHashMap<>();
    ownerRef.put("apiVersion", apiVersion);
    ownerRef.put("kind", kind);
    ownerRef.put("name", controller.getMetadata().getName());
    ownerRef.put("uid", controller.getMetadata().getUid());
    ownerRef.put("controller", true);
    ownerRef.put("blockOwnerDeletion", true);
    patcher.patch(obj, Serialization.asJson(Map.of("metadata",
        Map.of("ownerReferences", List.of(ownerRef), "uid", obj.getMetadata().getUid()))));
  }

  /**
   * {@code ReleasePod}: drop this controller's owner reference. An object that is gone (404) or that
   * was re-created, or no longer has the reference (422), needs no release.
   */
  private void release(T obj) {
    Map<String, Object> delete = new LinkedHashMap<>();
    delete.put("$patch", "delete");
    delete.put("uid", controller.getMetadata().getUid());
    try {
      patcher.patch(obj, Serialization.asJson(Map.of("metadata",
          Map.of("ownerReferences", List.of(delete), "uid", obj.getMetadata().getUid()))));
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404 && e.getCode() != 422) {
        throw e;
      }
    }
  }

  private void checkCanAdopt() {
    if (canAdopt == null) {
      try {
        HasMetadata fresh = freshController.get();
        if (fresh.getMetadata().getDeletionTimestamp() != null) {
          canAdopt = Optional.of(new IllegalStateException(kind + " " + controller.getMetadata().getNamespace() + "/"
              + controller.getMetadata().getName() + " has just been deleted at "
              + fresh.getMetadata().getDeletionTimestamp()));
        } else {
          canAdopt = Optional.empty();
        }
      } catch (RuntimeException e) {
        canAdopt = Optional.of(e);
      }
    }
    if (canAdopt.isPresent()) {
      throw new IllegalStateException("can't adopt: " + canAdopt.get().getMessage(), canAdopt.get());
    }
  }
}
