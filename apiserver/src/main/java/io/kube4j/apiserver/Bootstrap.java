package io.kube4j.apiserver;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.generic.UpdateTarget;
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

  /**
   * The {@code kubernetes} Service in {@code default}, on the first IP of the service range, and its
   * Endpoints naming this apiserver ({@code reconcilers.MasterCountEndpointReconciler} upstream keeps
   * them; here they are written at start).
   */
  void ensureKubernetesService(String advertiseAddress, int port) {
    Store<Service> services = server.store("", "services");
    Service svc = new ServiceBuilder()
        .withNewMetadata().withName("kubernetes").withNamespace("default")
        .addToLabels("component", "apiserver").addToLabels("provider", "kubernetes").endMetadata()
        .withNewSpec().withType("ClusterIP").withClusterIP(server.clusterIps().first()).withSessionAffinity("None")
        .addNewPort().withName("https").withProtocol("TCP").withPort(443).withNewTargetPort(port).endPort()
        .endSpec().build();
    createIfAbsent(services, "default", svc);
    if (advertiseAddress.startsWith("127.") || advertiseAddress.equals("::1")) {
      // Endpoints may not name loopback addresses (pods could not reach them); upstream refuses such
      // an advertise address outright, kube4j serves without the kubernetes Endpoints instead.
      LOG.warning("advertise address " + advertiseAddress + " is loopback: the kubernetes Service gets no Endpoints");
      return;
    }
    Store<Endpoints> endpoints = server.store("", "endpoints");
    Endpoints ep = new EndpointsBuilder()
        .withNewMetadata().withName("kubernetes").withNamespace("default")
        .addToLabels("endpointslice.kubernetes.io/skip-mirror", "true").endMetadata()
        .addNewSubset().addNewAddress().withIp(advertiseAddress).endAddress()
        .addNewPort().withName("https").withPort(port).withProtocol("TCP").endPort().endSubset()
        .build();
    try {
      endpoints.create("default", ep, false);
    } catch (StatusException e) {
      if (e.code() != 409) {
        throw e;
      }
      endpoints.update("default", "kubernetes", current -> {
        current.setSubsets(ep.getSubsets());
        current.getMetadata().setResourceVersion(null);
        return current;
      }, UpdateTarget.MAIN, false);
    }
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> void createIfAbsent(Store<T> store,
      String namespace, T obj) {
    try {
      store.get(namespace, obj.getMetadata().getName(), "");
      return;
    } catch (StatusException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
    try {
      store.create(namespace, obj, false);
      LOG.info("created " + store.resource().resource() + " " + obj.getMetadata().getName());
    } catch (StatusException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
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
    ensureSystemPriorityClasses();
  }

  /**
   * The two system priority classes every cluster has ({@code bootstrap-system-priority-classes}
   * post-start hook upstream): for the pods a cluster cannot run without.
   */
  private void ensureSystemPriorityClasses() {
    Store<io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass> classes =
        server.store("scheduling.k8s.io", "priorityclasses");
    io.kube4j.apiserver.registry.scheduling.priorityclass.PriorityClassStrategy.SYSTEM_PRIORITY_CLASSES.forEach(
        (name, value) -> createIfAbsent(classes, "", new io.fabric8.kubernetes.api.model.scheduling.v1
            .PriorityClassBuilder().withNewMetadata().withName(name).endMetadata().withValue(value)
            .withDescription(name.equals("system-node-critical")
                ? "Used for system critical pods that must not be moved from their current node."
                : "Used for system critical pods that must run in the cluster, but can be moved to another node "
                    + "if necessary.").build()));
  }
}
