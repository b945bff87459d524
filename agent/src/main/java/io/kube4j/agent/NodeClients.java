package io.kube4j.agent;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.http.HttpClient;
import java.util.concurrent.Executor;

/**
 * API clients for the nodes of one process: one per node (its certificate is its identity), all on
 * the JDK HTTP client with one shared executor instead of a thread pool per client, and all with one
 * JSON serialization: each Fabric8 client otherwise builds its own Jackson mapper, whose
 * introspection caches cost about 3 MB of heap per node (measured: 600 MB for 200 nodes).
 */
final class NodeClients {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private NodeClients() {}

  static KubernetesClient create(Config config, Executor shared) {
    return new KubernetesClientBuilder().withConfig(config).withTaskExecutor(shared)
        .withKubernetesSerialization(SERIALIZATION)
        .withHttpClientFactory(new JdkHttpClientFactory() {
          @Override
          protected HttpClient.Builder createNewHttpClientBuilder() {
            return HttpClient.newBuilder().executor(shared);
          }
        }).build();
  }
}
