package io.kube4j.controllermanager.job;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kube4j.controllermanager.record.EventRecorder;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The Job controller's pod writes ({@code RealPodControl}, {@code controller_utils.go}): create a
 * pod from the template with the Job as controller, delete one, remove the tracking finalizer; each
 * create and delete recorded as an event on the Job, with upstream's reasons.
 */
final class PodControl {

  private final KubernetesClient client;
  private final EventRecorder recorder;

  PodControl(KubernetesClient client, EventRecorder recorder) {
    this.client = client;
    this.recorder = recorder;
  }

  /**
   * {@code CreatePodsWithGenerateName}: a pod named {@code generateName} plus 5 random characters,
   * labelled, annotated and finalized as the template says, controlled by {@code job}.
   */
  Pod create(Job job, PodTemplateSpec template, String generateName) {
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withGenerateName(generateName)
        .withNamespace(job.getMetadata().getNamespace())
        .withLabels(template.getMetadata().getLabels() == null ? null : new LinkedHashMap<>(template.getMetadata().getLabels()))
        .withAnnotations(template.getMetadata().getAnnotations() == null ? null
            : new LinkedHashMap<>(template.getMetadata().getAnnotations()))
        .withFinalizers(template.getMetadata().getFinalizers() == null ? null
            : new ArrayList<>(template.getMetadata().getFinalizers()))
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
            .withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid())
            .withController(true).withBlockOwnerDeletion(true).build());
    Pod pod = new PodBuilder().withMetadata(meta.build()).withSpec(template.getSpec()).build();
    try {
      Pod created = client.pods().inNamespace(job.getMetadata().getNamespace()).resource(pod).create();
      recorder.event(ref(job), EventRecorder.TYPE_NORMAL, "SuccessfulCreate",
          "Created pod: " + created.getMetadata().getName());
      return created;
    } catch (KubernetesClientException e) {
      recorder.event(ref(job), EventRecorder.TYPE_WARNING, "FailedCreate", "Error creating: " + e.getMessage());
      throw e;
    }
  }

  /** {@code DeletePod}; a pod already gone is not an error. Returns whether this call deleted it. */
  boolean delete(Job job, Pod pod) {
    try {
      boolean deleted = !client.pods().inNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName()).delete().isEmpty();
      if (deleted) {
        recorder.event(ref(job), EventRecorder.TYPE_NORMAL, "SuccessfulDelete",
            "Deleted pod: " + pod.getMetadata().getName());
      }
      return deleted;
    } catch (KubernetesClientException e) {
      recorder.event(ref(job), EventRecorder.TYPE_WARNING, "FailedDelete", "Error deleting: " + e.getMessage());
      throw e;
    }
  }

  /**
   * {@code removeTrackingFinalizerPatch}: a strategic merge patch that deletes just this finalizer
   * from the list, leaving any others. Returns false if the pod is gone already.
   */
  boolean removeTrackingFinalizer(Pod pod) {
    String patch = "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"" + JobPods.TRACKING_FINALIZER + "\"]}}";
    try {
      // through resource(pod): withName(..).patch would GET the pod first, which the role does not allow
      client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod)
          .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  EventRecorder recorder() {
    return recorder;
  }

  static ObjectReference ref(Job job) {
    return new ObjectReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
        .withNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
        .withUid(job.getMetadata().getUid()).withResourceVersion(job.getMetadata().getResourceVersion()).build();
  }
}
