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

  /**
   * A new reconcile loop, its queue's metrics shown on {@code /metrics}; its workers take no key
   * before the shared informers have synced (keys queued meanwhile wait).
   */
  public ReconcileLoop loop(String name, Reconciler reconciler) {
    ReconcileLoop loop = new ReconcileLoop(name, reconciler).after(informers.synced());
    loops.add(loop);
    return loop;
  }

  /** Runs {@code step} once the shared informers have synced, e.g. a controller's start-up sweep. */
  public void whenSynced(Runnable step) {
    informers.synced().thenRun(step);
  }

  /** A client acting as {@code system:serviceaccount:kube-system:<serviceAccount>}. */
  public KubernetesClient clientFor(String serviceAccount) {
    return clients.forController(serviceAccount);
  }
}
