package io.kube4j.controllermanager.serviceaccount;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import java.util.List;

/**
 * Keeps the {@code default} ServiceAccount in every namespace ({@code ServiceAccountsController}).
 * Keys are namespace names: a namespace appearing, or a service account disappearing, queues the
 * namespace.
 */
public final class ServiceAccountsController implements AutoCloseable {

  public static final String NAME = "serviceaccount-controller";
  /** The service account this controller acts as, bound to {@code system:controller:service-account-controller}. */
  public static final String SERVICE_ACCOUNT = "service-account-controller";
  static final List<String> SERVICE_ACCOUNTS = List.of("default");

  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("serviceaccount"),
      false, ServiceAccountsController::start);

  private final SharedIndexInformer<Namespace> namespaces;
  private final SharedIndexInformer<ServiceAccount> serviceAccounts;
  private final KubernetesClient client;
  private final ReconcileLoop loop;

  ServiceAccountsController(SharedIndexInformer<Namespace> namespaces,
      SharedIndexInformer<ServiceAccount> serviceAccounts, KubernetesClient client, ControllerContext context) {
    this.namespaces = namespaces;
    this.serviceAccounts = serviceAccounts;
    this.client = client;
    this.loop = context.loop(NAME, this::syncNamespace);
  }

  static AutoCloseable start(ControllerContext context) {
    ServiceAccountsController c = new ServiceAccountsController(context.informers().forType(Namespace.class),
        context.informers().forType(ServiceAccount.class), context.clientFor(SERVICE_ACCOUNT), context);
    c.namespaces.addEventHandler(EnqueueingHandler.own(c.loop));
    // a deleted default service account queues its namespace (adds and updates need nothing)
    c.serviceAccounts.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(ServiceAccount sa) {
      }

      @Override
      public void onUpdate(ServiceAccount old, ServiceAccount sa) {
      }

      @Override
      public void onDelete(ServiceAccount sa, boolean deletedFinalStateUnknown) {
        if (SERVICE_ACCOUNTS.contains(sa.getMetadata().getName())) {
          c.loop.enqueue(sa.getMetadata().getNamespace());
        }
      }
    });
    c.loop.start(1);
    return c;
  }

  /** Creates what is missing of the namespace's service accounts; a terminating namespace gets none. */
  void syncNamespace(String namespace) {
    Namespace ns = namespaces.getIndexer().getByKey(namespace);
    if (ns == null || "Terminating".equals(ns.getStatus() == null ? null : ns.getStatus().getPhase())
        || ns.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    for (String name : SERVICE_ACCOUNTS) {
      if (serviceAccounts.getIndexer().getByKey(namespace + "/" + name) != null) {
        continue;
      }
      try {
        client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
            .withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build()).create();
      } catch (KubernetesClientException e) {
        // exists already (our cache is behind), or the namespace started terminating meanwhile
        if (e.getCode() != 409 && !(e.getCode() == 403 && isTerminating(e))) {
          throw e;
        }
      }
    }
  }

  private static boolean isTerminating(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getDetails() != null
        && e.getStatus().getDetails().getCauses() != null
        && e.getStatus().getDetails().getCauses().stream().anyMatch(c -> "NamespaceTerminating".equals(c.getReason()));
  }

  @Override
  public void close() {
    loop.close();
  }
}
