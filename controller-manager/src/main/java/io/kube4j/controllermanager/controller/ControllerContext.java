package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllermanager.ControllerManagerOptions;
import io.kube4j.controllermanager.clientbuilder.ControllerClients;
import java.util.List;

/**
 * What a controller gets when it starts ({@code ControllerContext} upstream): the shared informers
 * to read from, a client acting as the controller's own service account to write with, the
 * controller-manager's options, and its reconcile loops (a thread-safe list the metrics read).
 */
public record ControllerContext(SharedInformers informers, ControllerClients clients,
    ControllerManagerOptions options, List<ReconcileLoop> loops) {

  /** A new reconcile loop, its queue's metrics shown on {@code /metrics}. */
  public ReconcileLoop loop(String name, Reconciler reconciler) {
    ReconcileLoop loop = new ReconcileLoop(name, reconciler);
    loops.add(loop);
    return loop;
  }

  /** A client acting as {@code system:serviceaccount:kube-system:<serviceAccount>}. */
  public KubernetesClient clientFor(String serviceAccount) {
    return clients.forController(serviceAccount);
  }
}
