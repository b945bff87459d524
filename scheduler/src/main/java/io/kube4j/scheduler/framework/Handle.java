package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * What a plugin may reach besides its arguments, as upstream's {@code framework.Handle}: the API
 * client (the binder) and the snapshot of the current cycle (plugins that look at other nodes' pods,
 * such as InterPodAffinity and PodTopologySpread).
 */
public interface Handle {

  KubernetesClient client();

  /** Every node of the current cycle's snapshot. */
  List<NodeInfo> snapshotNodes();
}
