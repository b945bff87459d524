package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.record.EventRecorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Creates and deletes a controller's pods, recording an Event on the controller for each
 * ({@code RealPodControl} upstream): {@code SuccessfulCreate "Created pod: web-x7k2p"},
 * {@code FailedCreate "Error creating: ..."}, {@code SuccessfulDelete}, {@code FailedDelete}.
 */
public final class PodControl {

  public static final String SUCCESSFUL_CREATE = "SuccessfulCreate";
  public static final String FAILED_CREATE = "FailedCreate";
  public static final String SUCCESSFUL_DELETE = "SuccessfulDelete";
  public static final String FAILED_DELETE = "FailedDelete";

  private final KubernetesClient client;
  private final EventRecorder recorder;

  public PodControl(KubernetesClient client, EventRecorder recorder) {
    this.client = client;
    this.recorder = recorder;
  }

  /**
   * {@code CreatePods}: a pod from {@code template} named {@code <owner>-<random>}. Empty if the
   * namespace is terminating (every later creation would fail too; not an error).
   */
  public Optional<Pod> createPod(String namespace, PodTemplateSpec template, HasMetadata owner, OwnerReference ref) {
    Pod pod = podFromTemplate(template, owner, ref);
    try {
      Pod created = client.pods().inNamespace(namespace).resource(pod).create();
      recorder.event(referenceTo(owner), EventRecorder.TYPE_NORMAL, SUCCESSFUL_CREATE,
          "Created pod: " + created.getMetadata().getName());
      return Optional.of(created);
    } catch (KubernetesClientException e) {
      if (hasCause(e, "NamespaceTerminating")) {
        return Optional.empty();
      }
      recorder.event(referenceTo(owner), EventRecorder.TYPE_WARNING, FAILED_CREATE, "Error creating: " + message(e));
      throw e;
    }
  }

  /** {@code DeletePod}: false if the pod was already gone. */
  public boolean deletePod(String namespace, String name, HasMetadata owner) {
    try {
      boolean deleted = !client.pods().inNamespace(namespace).withName(name).delete().isEmpty();
      if (deleted) {
        recorder.event(referenceTo(owner), EventRecorder.TYPE_NORMAL, SUCCESSFUL_DELETE, "Deleted pod: " + name);
      }
      return deleted;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      recorder.event(referenceTo(owner), EventRecorder.TYPE_WARNING, FAILED_DELETE, "Error deleting: " + message(e));
      throw e;
    }
  }

  /**
   * {@code GetPodFromTemplate}: the template's labels, annotations, finalizers and spec, a
   * generateName of {@code <owner>-}, and the controller reference.
   */
  public static Pod podFromTemplate(PodTemplateSpec source, HasMetadata owner, OwnerReference ref) {
    PodTemplateSpec template = DeepCopy.of(source);
    var meta = template.getMetadata();
    PodBuilder b = new PodBuilder().withNewMetadata()
        .withGenerateName(owner.getMetadata().getName() + "-")
        .withNamespace(owner.getMetadata().getNamespace())
        .withLabels(meta == null || meta.getLabels() == null ? new LinkedHashMap<>() : meta.getLabels())
        .withAnnotations(meta == null ? null : meta.getAnnotations())
        .withFinalizers(meta == null ? null : meta.getFinalizers())
        .withOwnerReferences(ref == null ? List.of() : List.of(ref))
        .endMetadata()
        .withSpec(template.getSpec());
    return b.build();
  }

  /** The object an Event is about. */
  public static ObjectReference referenceTo(HasMetadata obj) {
    return new ObjectReferenceBuilder().withApiVersion(obj.getApiVersion()).withKind(obj.getKind())
        .withNamespace(obj.getMetadata().getNamespace()).withName(obj.getMetadata().getName())
        .withUid(obj.getMetadata().getUid()).withResourceVersion(obj.getMetadata().getResourceVersion()).build();
  }

  private static boolean hasCause(KubernetesClientException e, String type) {
    return e.getStatus() != null && e.getStatus().getDetails() != null && e.getStatus().getDetails().getCauses() != null
        && e.getStatus().getDetails().getCauses().stream().anyMatch(c -> type.equals(c.getReason()));
  }

  /** The apiserver's message, as upstream prints the error. */
  public static String message(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
  }
}
