package io.kube4j.agent.pod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's status manager: the last status it computed for each pod, written to the API only
 * when it changed, as a strategic merge patch of {@code pods/status} that carries the pod's uid (so
 * it cannot land on a new pod of the same name), which is what the Node authorizer and
 * NodeRestriction let a node do. Also the kubelet's final delete: grace period 0 with a uid
 * precondition, once the pod's containers are gone.
 *
 * <p>Upstream writes from its own goroutine, batching; here the pod's worker writes in line, which
 * keeps writes in order per pod without a second queue.
 */
public final class StatusManager {

  private static final Logger LOG = LoggerFactory.getLogger(StatusManager.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  /** The latest status written (or being written) per pod uid. */
  private final Map<String, PodStatus> statuses = new ConcurrentHashMap<>();

  public StatusManager(KubernetesClient client) {
    this.client = client;
  }

  /** {@code GetPodStatus}: the status this agent last set for the pod; fresher than the informer's copy. */
  public Optional<PodStatus> podStatus(String uid) {
    return Optional.ofNullable(statuses.get(uid));
  }

  /** {@code SetPodStatus}: records {@code status} and writes it unless it is what the API already has. */
  public void setPodStatus(Pod pod, PodStatus status) {
    String uid = pod.getMetadata().getUid();
    PodStatus last = statuses.get(uid);
    if (status.equals(last) || (last == null && status.equals(pod.getStatus()))) {
      return;
    }
    statuses.put(uid, status);
    try {
      client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
          .subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch(uid, status));
      LOG.debug("pod {}/{}: status {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), status.getPhase());
    } catch (KubernetesClientException e) {
      if (last == null) {
        statuses.remove(uid);
      } else {
        statuses.put(uid, last);
      }
      if (e.getCode() == 404 || e.getCode() == 409 || e.getCode() == 422) {
        LOG.debug("pod {}/{} changed or is gone, status not written: {}", pod.getMetadata().getNamespace(),
            pod.getMetadata().getName(), e.getMessage());
        return;
      }
      throw e;
    }
  }

  /**
   * The kubelet's final delete ({@code canBeDeleted} then {@code Delete} with grace period 0): the API
   * object goes once its containers are stopped and removed. The uid precondition protects a pod
   * created again under the same name.
   */
  public void deletePod(Pod pod) {
    String path = "/api/v1/namespaces/" + pod.getMetadata().getNamespace() + "/pods/" + pod.getMetadata().getName();
    Map<String, Object> body = Map.of("kind", "DeleteOptions", "apiVersion", "v1", "gracePeriodSeconds", 0,
        "preconditions", Map.of("uid", pod.getMetadata().getUid()));
    try {
      client.raw(client.getMasterUrl().toString().replaceAll("/$", "") + path, "DELETE", body);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404 && e.getCode() != 409) {
        throw e;
      }
    }
    statuses.remove(pod.getMetadata().getUid());
  }

  /** Forgets a pod that left the node. */
  public void forget(String uid) {
    statuses.remove(uid);
  }

  private static String patch(String uid, PodStatus status) {
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("metadata", Map.of("uid", uid));
    @SuppressWarnings("unchecked")
    Map<String, Object> s = JSON.convertValue(status, Map.class);
    s.values().removeIf(java.util.Objects::isNull);
    // fields the kubelet owns that a newer status dropped are removed with an explicit null
    s.putIfAbsent("reason", null);
    s.putIfAbsent("message", null);
    patch.put("status", s);
    try {
      return JSON.writeValueAsString(patch);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise pod status", e);
    }
  }
}
