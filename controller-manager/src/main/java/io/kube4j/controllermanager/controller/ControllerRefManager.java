package io.kube4j.controllermanager.controller;

import io.kube4j.componentbase.labels.LabelSelectors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Decides which objects a controller owns, adopting matching orphans and releasing owned objects that
 * no longer match ({@code BaseControllerRefManager.ClaimObject} upstream). An object owned by
 * another controller is never touched. Adoption and release are strategic merge patches that name
 * the object's uid, so they cannot land on a namesake created meanwhile.
 *
 * <p>Before the first adoption the controller is read afresh from the apiserver
 * ({@code RecheckDeletionTimestamp}): a controller being deleted must not adopt, or the garbage
 * collector would race it for the orphans.
 */
public final class ControllerRefManager<T extends HasMetadata> {

  /** Sends a strategic merge patch to one claimed object ({@code PATCH}). */
  @FunctionalInterface
  public interface Patcher<T> {
    void patch(T object, String strategicMergePatch);
  }

  private final HasMetadata controller;
  private final String apiVersion;
  private final String kind;
  private final LabelSelector selector;
  private final Supplier<HasMetadata> fresh;
  private final Patcher<T> patcher;
  private Boolean canAdopt;

  /**
   * @param fresh reads the controller from the apiserver (not the cache); returns null if it is gone
   */
  public ControllerRefManager(HasMetadata controller, String apiVersion, String kind, LabelSelector selector,
      Supplier<HasMetadata> fresh, Patcher<T> patcher) {
    this.controller = controller;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.selector = selector;
    this.fresh = fresh;
    this.patcher = patcher;
  }

  /**
   * {@code ClaimPods}/{@code ClaimControllerRevisions}: the objects this controller owns after
   * adopting and releasing. {@code filter} narrows what may be claimed (a StatefulSet claims only
   * pods named after it). Throws if an adoption failed, after trying every object.
   */
  public List<T> claim(Collection<T> objects, Predicate<T> filter) {
    List<T> claimed = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (T obj : objects) {
      try {
        if (claimObject(obj, o -> LabelSelectors.matches(selector, o.getMetadata().getLabels()) && filter.test(o))) {
          claimed.add(obj);
        }
      } catch (RuntimeException e) {
        errors.add(obj.getMetadata().getName() + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("claiming objects of " + kind + " " + controller.getMetadata().getName()
          + ": " + errors);
    }
    return claimed;
  }

  private boolean claimObject(T obj, Predicate<T> match) {
    OwnerReference ref = controllerOf(obj);
    boolean controllerDeleting = controller.getMetadata().getDeletionTimestamp() != null;
    if (ref != null) {
      if (!ref.getUid().equals(controller.getMetadata().getUid())) {
        return false;
      }
      if (match.test(obj)) {
        return true;
      }
      // ours but no longer selected: let it go, unless we are being deleted (the GC takes it then)
      if (!controllerDeleting) {
        patchIgnoringGone(obj, release(obj));
      }
      return false;
    }
    if (controllerDeleting || !match.test(obj) || obj.getMetadata().getDeletionTimestamp() != null
        || !controller.getMetadata().getNamespace().equals(obj.getMetadata().getNamespace())) {
      return false;
    }
    checkCanAdopt();
    return patchIgnoringGone(obj, adopt(obj));
  }

  private void checkCanAdopt() {
    if (canAdopt == null) {
      HasMetadata latest = fresh.get();
      canAdopt = latest != null && latest.getMetadata().getUid().equals(controller.getMetadata().getUid())
          && latest.getMetadata().getDeletionTimestamp() == null;
    }
    if (!canAdopt) {
      throw new IllegalStateException(kind + " " + controller.getMetadata().getNamespace() + "/"
          + controller.getMetadata().getName() + " has just been deleted; not adopting");
    }
  }

  /** True if patched; false if the object is gone (404) or no longer fits (422). */
  private boolean patchIgnoringGone(T obj, String patch) {
    try {
      patcher.patch(obj, patch);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 || e.getCode() == 422) {
        return false;
      }
      throw e;
    }
  }

  private String adopt(T obj) {
    return "{\"metadata\":{\"ownerReferences\":[{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind
        + "\",\"name\":\"" + controller.getMetadata().getName() + "\",\"uid\":\"" + controller.getMetadata().getUid()
        + "\",\"controller\":true,\"blockOwnerDeletion\":true}],\"uid\":\"" + obj.getMetadata().getUid() + "\"}}";
  }

  private String release(T obj) {
    return "{\"metadata\":{\"ownerReferences\":[{\"$patch\":\"delete\",\"uid\":\"" + controller.getMetadata().getUid()
        + "\"}],\"uid\":\"" + obj.getMetadata().getUid() + "\"}}";
  }

  /** {@code metav1.GetControllerOf}: the owner reference with {@code controller: true}, or null. */
  public static OwnerReference controllerOf(HasMetadata obj) {
    if (obj.getMetadata().getOwnerReferences() == null) {
      return null;
    }
    return obj.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController()))
        .findFirst().orElse(null);
  }

  /** {@code metav1.NewControllerRef}: controller and blockOwnerDeletion both true. */
  public static OwnerReference controllerRef(HasMetadata owner, String apiVersion, String kind) {
    return new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
        .withController(true).withBlockOwnerDeletion(true).build();
  }
}
