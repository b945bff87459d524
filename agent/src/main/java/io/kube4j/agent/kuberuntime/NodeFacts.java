package io.kube4j.agent.kuberuntime;

import java.nio.file.Path;
import java.util.List;

/**
 * What the node contributes to every pod's CRI config, from kubelet's configuration and the
 * machine: kubelet names in brackets.
 *
 * @param podLogsRoot       where pod log directories go [{@code podLogsDir}, /var/log/pods]
 * @param cgroupRoot        parent of the kubepods hierarchy [{@code cgroupRoot}, /]
 * @param memoryCapacity    the machine's memory in bytes, for Burstable OOM scores [machineInfo]
 * @param clusterDns        nameservers for ClusterFirst pods [{@code clusterDNS}]; empty: host DNS
 * @param clusterDomain     [{@code clusterDomain}, cluster.local]
 * @param hostDns           the host's resolv.conf, for Default pods and as search-path source
 * @param cpuCfsQuota       enforce CPU limits with CFS quota [{@code cpuCFSQuota}, true]
 * @param cpuCfsQuotaPeriod in µs [{@code cpuCFSQuotaPeriod}, 100 ms]
 * @param seccompDefault    containers without a seccomp profile get RuntimeDefault [{@code seccompDefault}, false]
 */
public record NodeFacts(Path podLogsRoot, String cgroupRoot, long memoryCapacity, List<String> clusterDns,
    String clusterDomain, ResolvConf hostDns, boolean cpuCfsQuota, long cpuCfsQuotaPeriod, boolean seccompDefault) {

  public static final Path DEFAULT_POD_LOGS_ROOT = Path.of("/var/log/pods");

  public NodeFacts {
    clusterDns = List.copyOf(clusterDns);
  }

  /** kubelet's defaults with the given machine memory, cluster DNS and host resolv.conf. */
  public static NodeFacts defaults(long memoryCapacity, List<String> clusterDns, ResolvConf hostDns) {
    return new NodeFacts(DEFAULT_POD_LOGS_ROOT, "/", memoryCapacity, clusterDns, "cluster.local", hostDns, true,
        LinuxResources.QUOTA_PERIOD, false);
  }

  public NodeFacts withPodLogsRoot(Path root) {
    return new NodeFacts(root, cgroupRoot, memoryCapacity, clusterDns, clusterDomain, hostDns, cpuCfsQuota,
        cpuCfsQuotaPeriod, seccompDefault);
  }

  public NodeFacts withCgroupRoot(String root) {
    return new NodeFacts(podLogsRoot, root, memoryCapacity, clusterDns, clusterDomain, hostDns, cpuCfsQuota,
        cpuCfsQuotaPeriod, seccompDefault);
  }
}
