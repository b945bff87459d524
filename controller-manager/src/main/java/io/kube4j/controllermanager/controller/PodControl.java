package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.record.EventRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * How workload controllers create, delete and patch pods ({@code RealPodControl}): every write goes
 * through the API, and each create or delete is reported as an Event on the owner with upstream's
 * reasons ({@code SuccessfulCreate}, {@code FailedCreate}, {@code SuccessfulDelete},
 * {@code FailedDelete}). The ReplicaSet, ReplicationController and DaemonSet controllers create and
 * delete through it; the StatefulSet controller, which names its pods, creates them through its own
 * {@code StatefulPodControl} (as upstream) and uses this one to adopt and release.
 *
 * <p>A failed create or delete is thrown to the caller, which decides what it means: a create refused
 * because the namespace is terminating ({@link #NAMESPACE_TERMINATING_CAUSE}, no event) is no error
 * to a ReplicaSet or DaemonSet, a pod already gone (404, no event) is none to a delete.
 */
public final class PodControl {

  public static final String FAILED_CREATE = "FailedCreate";
  public static final String SUCCESSFUL_CREATE = "SuccessfulCreate";
  public static final String FAILED_DELETE = "FailedDelete";
  public static final String SUCCESSFUL_DELETE = "SuccessfulDelete";
  /** The status cause the apiserver gives when a create fails because the namespace is terminating. */
  public static final String NAMESPACE_TERMINATING_CAUSE = "NamespaceTerminating";

  private final KubernetesClient client;
  private final EventRecorder recorder;

  public PodControl(KubernetesClient client, EventRecorder recorder) {
    this.client = client;
    this.recorder = recorder;
  }

  /**
   * {@code CreatePods}: a pod from {@code template}, named {@code <owner>-<random>} by the apiserver
   * ({@code generateName}), controlled by {@code controllerRef}.
   *
   * @param owner names the pods ({@code getPodsPrefix})
   * @param ownerRef the events' involved object (a ReplicationController's for a ReplicaSet converted from one)
   */
  public Pod createPod(String namespace, PodTemplateSpec template, HasMetadata owner, ObjectReference ownerRef,
      OwnerReference controllerRef) {
    Pod pod = podFromTemplate(template, owner.getMetadata().getName(), controllerRef);
    try {
      Pod created = client.pods().inNamespace(namespace).resource(pod).create();
      recorder.event(ownerRef, EventRecorder.TYPE_NORMAL, SUCCESSFUL_CREATE, "Created pod: " + created.getMetadata().getName());
      return created;
    } catch (KubernetesClientException e) {
      if (!hasCause(e, NAMESPACE_TERMINATING_CAUSE)) {
        recorder.event(ownerRef, EventRecorder.TYPE_WARNING, FAILED_CREATE, "Error creating: " + message(e));
      }
      throw e;
    }
  }

  /** {@code DeletePod}; a pod already gone is reported to the caller (404) but not as an event. */
  public void deletePod(String namespace, String name, ObjectReference ownerRef) {
    try {
      List<?> deleted = client.pods().inNamespace(namespace).withName(name).delete();
      if (deleted.isEmpty()) {
        throw new KubernetesClientException("pods \"" + name + "\" not found", 404, null);
      }
      recorder.event(ownerRef, EventRecorder.TYPE_NORMAL, SUCCESSFUL_DELETE, "Deleted pod: " + name);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        recorder.event(ownerRef, EventRecorder.TYPE_WARNING, FAILED_DELETE, "Error deleting: " + message(e));
      }
      throw e;
    }
  }

  /** {@code PatchPod} with a strategic merge patch. */
  public void patchPod(String namespace, String name, String strategicMergePatch) {
    StrategicMergePatch.send(client, "/api/v1/namespaces/" + namespace + "/pods/" + name, strategicMergePatch);
  }

  /**
   * {@code GetPodFromTemplate}: the template's labels, annotations, finalizers and spec; the name is
   * generated from the owner's ({@code getPodsPrefix}: {@code <owner>-}).
   */
  public static Pod podFromTemplate(PodTemplateSpec template, String ownerName, OwnerReference controllerRef) {
    var meta = template.getMetadata();
    List<OwnerReference> owners = new ArrayList<>();
    if (controllerRef != null) {
      owners.add(controllerRef);
    }
    return new PodBuilder()
        .withNewMetadata().withGenerateName(ownerName + "-")
        .withLabels(meta == null || meta.getLabels() == null ? new HashMap<>() : new HashMap<>(meta.getLabels()))
        .withAnnotations(meta == null || meta.getAnnotations() == null ? null : new HashMap<>(meta.getAnnotations()))
        .withFinalizers(meta == null || meta.getFinalizers() == null ? null : new ArrayList<>(meta.getFinalizers()))
        .withOwnerReferences(owners).endMetadata()
        .withSpec(template.getSpec() == null ? null : DeepCopy.of(template.getSpec()))
        .build();
  }

  /** The apiserver's message, as Go's {@code StatusError.Error()} returns it. */
  public static String message(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
  }

  /** {@code HasStatusCause}. */
  public static boolean hasCause(KubernetesClientException e, String cause) {
    return e.getStatus() != null && e.getStatus().getDetails() != null && e.getStatus().getDetails().getCauses() != null
        && e.getStatus().getDetails().getCauses().stream().anyMatch(c -> cause.equals(c.getReason()));
  }
}
