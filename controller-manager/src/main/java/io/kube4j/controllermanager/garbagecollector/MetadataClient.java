package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * GET, PATCH and DELETE of any resource, answering with metadata only (the part of client-go's
 * {@code metadata} client the collector uses). Errors are Fabric8's {@link KubernetesClientException}
 * with the apiserver's status code.
 */
final class MetadataClient {

  private final KubernetesClient client;

  MetadataClient(KubernetesClient client) {
    this.client = client;
  }

  /** The object, or empty when there is none by that name (404). */
  Optional<ObjectMetadata> get(RestMapper.Mapping m, String namespace, String name) {
    GenericKubernetesResource obj = resource(m, namespace, name).get();
    return Optional.ofNullable(obj).map(ObjectMetadata::of);
  }

  ObjectMetadata patch(RestMapper.Mapping m, String namespace, String name, PatchType type, String patch) {
    return ObjectMetadata.of(resource(m, namespace, name).patch(PatchContext.of(type), patch));
  }

  /**
   * DELETE with preconditions: only the object with {@code uid}, and only at {@code resourceVersion}
   * when given; {@code propagationPolicy} {@code Background}, {@code Foreground} or {@code Orphan}.
   * Sent as a plain request because Fabric8's delete cannot carry a uid precondition.
   *
   * @throws KubernetesClientException 404 when it is gone, 409 when a precondition failed
   */
  void delete(RestMapper.Mapping m, String namespace, String name, String uid, String resourceVersion,
      String propagationPolicy) {
    var options = new DeleteOptionsBuilder().withApiVersion("v1").withKind("DeleteOptions")
        .withNewPreconditions().withUid(uid).withResourceVersion(resourceVersion).endPreconditions()
        .withPropagationPolicy(propagationPolicy).build();
    HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
        .uri(path(m, namespace, name))
        .method("DELETE", "application/json", client.getKubernetesSerialization().asJson(options))
        .build();
    HttpResponse<String> response;
    try {
      response = client.getHttpClient().sendAsync(request, String.class).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted deleting " + name, e);
    } catch (ExecutionException e) {
      throw KubernetesClientException.launderThrowable(e.getCause());
    }
    if (!response.isSuccessful()) {
      Status status = statusOf(response);
      throw new KubernetesClientException(status.getMessage(), response.code(), status);
    }
  }

  private Status statusOf(HttpResponse<String> response) {
    try {
      return client.getKubernetesSerialization().unmarshal(response.body(), Status.class);
    } catch (RuntimeException e) {
      Status s = new Status();
      s.setCode(response.code());
      s.setMessage(response.body());
      return s;
    }
  }

  /** {@code /api/v1/namespaces/ns/configmaps/name}, {@code /apis/apps/v1/namespaces/ns/deployments/name}. */
  private String path(RestMapper.Mapping m, String namespace, String name) {
    String base = client.getMasterUrl().toString();
    StringBuilder sb = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    sb.append(m.group().isEmpty() ? "/api/" + m.version() : "/apis/" + m.group() + "/" + m.version());
    if (m.namespaced()) {
      sb.append("/namespaces/").append(namespace);
    }
    return sb.append('/').append(m.resource()).append('/').append(name).toString();
  }

  private Resource<GenericKubernetesResource> resource(RestMapper.Mapping m, String namespace, String name) {
    var op = client.genericKubernetesResources(m.context());
    return m.namespaced() ? op.inNamespace(namespace).withName(name) : op.withName(name);
  }
}
