package io.kube4j.controllermanager.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Owners and dependents for garbage collector tests: ConfigMaps and Secrets with ownerReferences. */
final class OwnedObjects {

  private final KubernetesClient client;
  private final String namespace;

  private OwnedObjects(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** Creates {@code namespace} and returns a builder of objects in it. */
  static OwnedObjects in(KubernetesClient client, String namespace) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    return new OwnedObjects(client, namespace);
  }

  /** An ownerReference to {@code owner}; {@code block} sets blockOwnerDeletion. */
  static OwnerReference ref(HasMetadata owner, boolean block) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
        .withBlockOwnerDeletion(block ? Boolean.TRUE : null).build();
  }

  /** An ownerReference to a ConfigMap that never existed. */
  static OwnerReference refToNothing() {
    return new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap").withName("never-existed")
        .withUid(UUID.randomUUID().toString()).build();
  }

  ConfigMap configMap(String name, OwnerReference... owners) {
    return client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
        .withName(name).withOwnerReferences(List.of(owners)).endMetadata().addToData("k", "v").build()).create();
  }

  Secret secret(String name, OwnerReference... owners) {
    return client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
        .withName(name).withOwnerReferences(List.of(owners)).endMetadata().addToStringData("k", "v").build()).create();
  }

  ConfigMap getConfigMap(String name) {
    return client.configMaps().inNamespace(namespace).withName(name).get();
  }

  Secret getSecret(String name) {
    return client.secrets().inNamespace(namespace).withName(name).get();
  }

  /**
   * Waits until the garbage collector has seen everything created so far in this namespace's
   * ConfigMaps and Secrets: a ConfigMap and a Secret owned by nothing are created, and collected. The
   * collector's monitors deliver each resource's events in order, so by then it has seen the earlier
   * ones too (needed before an orphan or foreground deletion, which act on the dependents it knows).
   */
  void awaitCollectorCaughtUp() {
    String probe = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    configMap(probe, refToNothing());
    secret(probe, refToNothing());
    Conditions.await("the garbage collector to collect " + probe, Duration.ofSeconds(30),
        () -> getConfigMap(probe) == null && getSecret(probe) == null);
  }
}
