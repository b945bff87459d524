package io.kube4j.controllermanager.rootcacertpublisher;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Publishes {@code --root-ca-file} as {@code kube-root-ca.crt} in every namespace ({@code Publisher}). */
public final class RootCaCertPublisher implements AutoCloseable {

  public static final String NAME = "root-ca-certificate-publisher-controller";
  public static final String SERVICE_ACCOUNT = "root-ca-cert-publisher";
  public static final String CONFIG_MAP = "kube-root-ca.crt";
  static final String DATA_KEY = "ca.crt";
  static final String DESCRIPTION_ANNOTATION = "kubernetes.io/description";
  static final String DESCRIPTION = "Contains a CA bundle that can be used to verify the kube-apiserver when using"
      + " internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed"
      + " across distributions of Kubernetes clusters.";

  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME,
      List.of("root-ca-cert-publisher"), false, RootCaCertPublisher::start);

  private final SharedIndexInformer<Namespace> namespaces;
  private final SharedIndexInformer<ConfigMap> configMaps;
  private final KubernetesClient client;
  private final String rootCa;
  private final ReconcileLoop loop;

  RootCaCertPublisher(SharedIndexInformer<Namespace> namespaces, SharedIndexInformer<ConfigMap> configMaps,
      KubernetesClient client, String rootCa, ControllerContext context) {
    this.namespaces = namespaces;
    this.configMaps = configMaps;
    this.client = client;
    this.rootCa = rootCa;
    this.loop = context.loop(NAME, this::syncNamespace);
  }

  static AutoCloseable start(ControllerContext context) {
    String rootCa;
    try {
      rootCa = Files.readString(context.options().rootCaFile()
          .orElseThrow(() -> new IllegalArgumentException(NAME + " needs --root-ca-file")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --root-ca-file", e);
    }
    RootCaCertPublisher c = new RootCaCertPublisher(context.informers().forType(Namespace.class),
        context.informers().forType(ConfigMap.class), context.clientFor(SERVICE_ACCOUNT), rootCa, context);
    c.namespaces.addEventHandler(EnqueueingHandler.own(c.loop));
    // only our ConfigMap matters: someone changing or deleting it queues its namespace
    c.configMaps.addEventHandler(new EnqueueingHandler<>(
        cm -> CONFIG_MAP.equals(cm.getMetadata().getName()) ? cm.getMetadata().getNamespace() : null, c.loop::enqueue));
    c.loop.start(1);
    return c;
  }

  void syncNamespace(String namespace) {
    Namespace ns = namespaces.getIndexer().getByKey(namespace);
    if (ns == null || ns.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    ConfigMap current = configMaps.getIndexer().getByKey(namespace + "/" + CONFIG_MAP);
    try {
      if (current == null) {
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
            .withNewMetadata().withName(CONFIG_MAP).withNamespace(namespace)
            .withAnnotations(Map.of(DESCRIPTION_ANNOTATION, DESCRIPTION)).endMetadata()
            .withData(Map.of(DATA_KEY, rootCa)).build()).create();
        return;
      }
      Map<String, String> annotations = current.getMetadata().getAnnotations() == null ? Map.of()
          : current.getMetadata().getAnnotations();
      if (Objects.equals(current.getData(), Map.of(DATA_KEY, rootCa))
          && DESCRIPTION.equals(annotations.get(DESCRIPTION_ANNOTATION))) {
        return;
      }
      ConfigMap fixed = new ConfigMapBuilder(current).withData(Map.of(DATA_KEY, rootCa)).build();
      Map<String, String> fixedAnnotations = new HashMap<>(annotations);
      fixedAnnotations.put(DESCRIPTION_ANNOTATION, DESCRIPTION);
      fixed.getMetadata().setAnnotations(fixedAnnotations);
      client.configMaps().inNamespace(namespace).resource(fixed).update();
    } catch (KubernetesClientException e) {
      // 409: our cache is behind, the next event brings the key back; 403/404: the namespace is going away
      if (e.getCode() != 409 && e.getCode() != 403 && e.getCode() != 404) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
