package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.concurrent.ExecutionException;

/**
 * One PATCH request with a strategic merge patch, sent as is. Fabric8's {@code patch} first GETs the
 * object, which a controller whose role grants {@code patch} but not {@code get} (the ReplicaSet
 * controller on pods) may not do; client-go sends the PATCH alone.
 */
public final class StrategicMergePatch {

  private StrategicMergePatch() {}

  /**
   * @param path e.g. {@code /api/v1/namespaces/default/pods/web-x7k2p}
   * @throws KubernetesClientException with the API's status on any non-2xx answer
   */
  public static void send(KubernetesClient client, String path, String patch) {
    String base = client.getMasterUrl().toString().replaceAll("/$", "");
    HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(base + path)
        .method("PATCH", "application/strategic-merge-patch+json", patch).build();
    HttpResponse<String> response;
    try {
      response = client.getHttpClient().sendAsync(request, String.class).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted patching " + path, e);
    } catch (ExecutionException e) {
      throw KubernetesClientException.launderThrowable(e.getCause());
    }
    if (!response.isSuccessful()) {
      Status status;
      try {
        status = client.getKubernetesSerialization().unmarshal(response.body(), Status.class);
      } catch (RuntimeException e) {
        status = new Status();
        status.setCode(response.code());
        status.setMessage(response.body());
      }
      throw new KubernetesClientException(status.getMessage(), response.code(), status);
    }
  }
}
