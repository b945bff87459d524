package io.kube4j.agent.kuberuntime;

import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * The pod's /etc/hosts that kubelet writes and mounts into each container (kubelet_pods.go
 * {@code managedHostsFileContent}): localhost entries, the pod's IPs under its hostname (and FQDN
 * when it has a subdomain), then {@code spec.hostAliases}. hostNetwork pods get the node's file.
 */
public final class EtcHosts {

  static final String MANAGED_HOSTS_HEADER = "# Kubernetes-managed hosts file.\n";
  static final String HOST_ALIASES_HEADER = "\n# Entries added by HostAliases.\n";

  private EtcHosts() {}

  public static String render(Pod pod, List<String> podIps, String clusterDomain) {
    StringBuilder b = new StringBuilder(MANAGED_HOSTS_HEADER)
        .append("127.0.0.1\tlocalhost\n")
        .append("::1\tlocalhost ip6-localhost ip6-loopback\n")
        .append("fe00::0\tip6-localnet\n")
        .append("fe00::0\tip6-mcastprefix\n")
        .append("fe00::1\tip6-allnodes\n")
        .append("fe00::2\tip6-allrouters\n");
    String hostname = PodSandboxConfigs.hostname(pod, clusterDomain);
    String subdomain = pod.getSpec().getSubdomain();
    String shortName = hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname;
    for (String ip : podIps) {
      if (subdomain != null && !subdomain.isEmpty()) {
        String fqdn = shortName + "." + subdomain + "." + pod.getMetadata().getNamespace() + ".svc." + clusterDomain;
        b.append(ip).append('\t').append(fqdn).append('\t').append(shortName).append('\n');
      } else {
        b.append(ip).append('\t').append(shortName).append('\n');
      }
    }
    List<HostAlias> aliases = pod.getSpec().getHostAliases();
    if (aliases != null && !aliases.isEmpty()) {
      b.append(HOST_ALIASES_HEADER);
      for (HostAlias a : aliases) {
        b.append(a.getIp()).append('\t').append(String.join("\t", a.getHostnames())).append('\n');
      }
    }
    return b.toString();
  }
}
