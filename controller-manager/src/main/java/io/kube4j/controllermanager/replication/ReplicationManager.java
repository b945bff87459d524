package io.kube4j.controllermanager.replication;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.replicaset.ReplicaSetController;
import java.util.List;

/** {@code ReplicationManager}: the ReplicaSet controller over ReplicationControllers. */
public final class ReplicationManager {

  public static final String NAME = "replicationcontroller-controller";
  /** Bound to {@code system:controller:replication-controller}. */
  public static final String SERVICE_ACCOUNT = "replication-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME,
      List.of("replicationcontroller"), false, ReplicationManager::start);

  private ReplicationManager() {}

  static AutoCloseable start(ControllerContext context) {
    KubernetesClient client = context.clientFor(SERVICE_ACCOUNT);
    return ReplicaSetController.run(NAME, new ReplicationControllers(
        context.informers().forType(ReplicationController.class), client), client, context);
  }
}
