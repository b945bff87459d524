package io.kube4j.apiserver.registry.core.pod.rest;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.api.GroupKind;
import io.kube4j.apiserver.api.GroupResource;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.UpdateTarget;
import io.kube4j.apiserver.registry.generic.SystemMetadata;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST pods/<name>/binding}: sets {@code spec.nodeName} once, copies the binding's
 * annotations, and records {@code PodScheduled=True}. A pod already bound, or being deleted, is a 409.
 */
public final class BindingRest {

  private static final GroupResource PODS = GroupResource.of("", "pods");

  private final Store<Pod> pods;
  private final Clock clock;

  public BindingRest(Store<Pod> pods, Clock clock) {
    this.pods = pods;
    this.clock = clock;
  }

  public void bind(String namespace, String podName, Binding binding, boolean dryRun) {
    String name = binding.getMetadata() == null ? null : binding.getMetadata().getName();
    if (name != null && !name.isEmpty() && !name.equals(podName)) {
      throw StatusException.badRequest("the name of the object (" + name
          + ") does not match the name on the URL (" + podName + ")");
    }
    String node = binding.getTarget() == null ? "" : String.valueOf(binding.getTarget().getName());
    if (binding.getTarget() == null || node.isEmpty() || "null".equals(node)) {
      throw StatusException.invalid(GroupKind.of("", "Binding"), podName,
          List.of(FieldError.required("target.name", "")));
    }
    pods.update(namespace, podName, pod -> {
      if (pod == null) {
        throw StatusException.notFound(PODS, podName);
      }
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        throw StatusException.conflict(PODS, podName, "pod " + podName + " is being deleted, cannot be assigned to a host");
      }
      String current = pod.getSpec().getNodeName();
      if (current != null && !current.isEmpty()) {
        throw StatusException.conflict(PODS, podName, "pod " + podName + " is already assigned to node \""
            + current + "\"");
      }
      pod.getSpec().setNodeName(node);
      Map<String, String> annotations = binding.getMetadata() == null ? null : binding.getMetadata().getAnnotations();
      if (annotations != null && !annotations.isEmpty()) {
        Map<String, String> merged = new HashMap<>(pod.getMetadata().getAnnotations() == null
            ? Map.of() : pod.getMetadata().getAnnotations());
        merged.putAll(annotations);
        pod.getMetadata().setAnnotations(merged);
      }
      markScheduled(pod);
      pod.getMetadata().setResourceVersion(null);
      return pod;
    }, UpdateTarget.PREPARED, dryRun);
  }

  private void markScheduled(Pod pod) {
    if (pod.getStatus() == null) {
      pod.setStatus(new PodStatus());
    }
    List<PodCondition> conditions = new ArrayList<>();
    if (pod.getStatus().getConditions() != null) {
      pod.getStatus().getConditions().stream().filter(c -> !"PodScheduled".equals(c.getType())).forEach(conditions::add);
    }
    conditions.add(new PodConditionBuilder().withType("PodScheduled").withStatus("True")
        .withLastTransitionTime(SystemMetadata.timestamp(clock.instant())).build());
    pod.getStatus().setConditions(conditions);
  }
}
