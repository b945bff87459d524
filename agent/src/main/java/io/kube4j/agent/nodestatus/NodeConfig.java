package io.kube4j.agent.nodestatus;

import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;

/**
 * What the agent says about its node when it registers it.
 *
 * @param nodeName the Node's name ({@code --hostname-override} or the host name)
 * @param hostname the {@code Hostname} address
 * @param internalIp the {@code InternalIP} address (also every pod's hostIP)
 * @param labels {@code --node-labels}
 * @param taints {@code --register-with-taints}
 * @param machine capacity and OS facts
 * @param kubeletVersion {@code nodeInfo.kubeletVersion}
 * @param containerRuntimeVersion {@code nodeInfo.containerRuntimeVersion}, as {@code <type>://<version>}
 * @param kubeletPort {@code daemonEndpoints.kubeletEndpoint.Port} (10250)
 * @param fallbackPodCidr pod IPs come from here while the Node has no {@code spec.podCIDR} (no node IPAM)
 */
public record NodeConfig(String nodeName, String hostname, String internalIp, Map<String, String> labels,
    List<Taint> taints, MachineInfo machine, String kubeletVersion, String containerRuntimeVersion,
    int kubeletPort, String fallbackPodCidr) {

  /** kube4j's agent reports itself as the Kubernetes version whose API it speaks. */
  public static final String KUBELET_VERSION = "v1.31.0-kube4j";

  public NodeConfig {
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
  }

  /**
   * A distinct /24 per node of the process in 10.88.0.0/13 (containerd's default range and up), so
   * simulated nodes without node IPAM never hand out the same pod IP: node 1 gets 10.88.0.0/24,
   * node 2 10.88.1.0/24, node 257 10.89.0.0/24.
   */
  public static String fallbackPodCidr(int index) {
    int n = index - 1;
    return "10." + (88 + n / 256) + "." + (n % 256) + ".0/24";
  }
}
