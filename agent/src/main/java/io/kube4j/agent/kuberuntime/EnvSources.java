package io.kube4j.agent.kuberuntime;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/**
 * Where env values from ConfigMaps and Secrets come from: the agent's informer caches or API reads
 * (a node may read only those its pods reference, which the Node authorizer enforces).
 */
public interface EnvSources {

  Optional<ConfigMap> configMap(String namespace, String name);

  Optional<Secret> secret(String namespace, String name);

  /** No ConfigMaps or Secrets at all. */
  EnvSources NONE = new EnvSources() {
    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
      return Optional.empty();
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
      return Optional.empty();
    }
  };
}
