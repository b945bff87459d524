package io.kube4j.scheduler.plugins.defaultbinder;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kube4j.scheduler.framework.BindPlugin;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.Status;

/** Posts the {@code Binding}; a 409 (already bound, being deleted) is an error the cycle reports. */
public final class DefaultBinder implements BindPlugin {

  public static final String NAME = "DefaultBinder";

  private final Handle handle;

  public DefaultBinder(Handle handle) {
    this.handle = handle;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status bind(CycleState state, Pod pod, String nodeName) {
    Binding binding = new BindingBuilder()
        .withNewMetadata().withNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
        .withUid(pod.getMetadata().getUid()).endMetadata()
        .withNewTarget().withKind("Node").withName(nodeName).endTarget()
        .build();
    KubernetesClient client = handle.client();
    // Fabric8 has no typed call for the pods/binding subresource (its bindings() is the older
    // namespaced collection), so the request is made raw: POST /api/v1/namespaces/<ns>/pods/<name>/binding
    String url = client.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/"
        + pod.getMetadata().getNamespace() + "/pods/" + pod.getMetadata().getName() + "/binding";
    try {
      String answer = client.raw(url, "POST", Serialization.asJson(binding));
      if (answer == null) {
        return Status.error("pods \"" + pod.getMetadata().getName() + "\" not found");
      }
      return Status.success();
    } catch (KubernetesClientException e) {
      return Status.error(e.getStatus() != null && e.getStatus().getMessage() != null
          ? e.getStatus().getMessage() : e.getMessage());
    }
  }
}
