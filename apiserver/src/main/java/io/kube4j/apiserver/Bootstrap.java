package io.kube4j.apiserver;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.Store;
import java.util.List;
import java.util.logging.Logger;

/**
 * The objects every cluster has from its first start ({@code bootstrap controller} and
 * {@code system namespaces controller} upstream): namespaces {@code default}, {@code kube-system},
 * {@code kube-public} and {@code kube-node-lease}. Written through the stores, so they are
 * defaulted and validated as any client's objects; existing ones are left alone.
 */
final class Bootstrap {

  static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  private final ApiServer server;

  Bootstrap(ApiServer server) {
    this.server = server;
  }

  void ensureSystemObjects() {
    Store<Namespace> namespaces = server.store("", "namespaces");
    for (String name : SYSTEM_NAMESPACES) {
      try {
        namespaces.create("", new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(), false);
        LOG.info("created namespace " + name);
      } catch (StatusException e) {
        if (e.code() != 409) {
          throw e;
        }
      }
    }
  }
}
