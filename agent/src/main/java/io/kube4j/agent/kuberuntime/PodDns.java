package io.kube4j.agent.kuberuntime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodDNSConfigOption;
import io.kube4j.agent.cri.v1.DNSConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A pod's resolv.conf by its dnsPolicy, after kubelet's {@code pkg/kubelet/network/dns/dns.go};
 * see https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy.
 * ClusterFirst (the default) resolves through the cluster DNS with
 * {@code <ns>.svc.<domain> svc.<domain> <domain>} searched first and {@code ndots:5}; Default takes
 * the node's resolv.conf; None only {@code spec.dnsConfig}, which every policy then merges in.
 */
public final class PodDns {

  /** The resolver reads only 3 nameservers; kubelet allows 32 search domains (MaxDNSSearchPaths). */
  static final int MAX_NAMESERVERS = 3;
  static final int MAX_SEARCHES = 32;

  private PodDns() {}

  public static DNSConfig forPod(Pod pod, NodeFacts node) {
    String policy = pod.getSpec().getDnsPolicy() == null ? "ClusterFirst" : pod.getSpec().getDnsPolicy();
    boolean hostNetwork = Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
    // ClusterFirst on a hostNetwork pod falls back to Default; ClusterFirstWithHostNet does not
    if (policy.equals("ClusterFirst") && hostNetwork) {
      policy = "Default";
    } else if (policy.equals("ClusterFirstWithHostNet")) {
      policy = "ClusterFirst";
    }
    // without cluster DNS, kubelet falls back to the node's (and records an event saying so)
    if (policy.equals("ClusterFirst") && node.clusterDns().isEmpty()) {
      policy = "Default";
    }
    List<String> servers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    List<String> options = new ArrayList<>();
    switch (policy) {
      case "ClusterFirst" -> {
        servers.addAll(node.clusterDns());
        String ns = pod.getMetadata().getNamespace();
        String domain = node.clusterDomain();
        searches.addAll(List.of(ns + ".svc." + domain, "svc." + domain, domain));
        searches.addAll(node.hostDns().searches());
        options.add("ndots:5");
      }
      case "Default" -> {
        servers.addAll(node.hostDns().nameservers());
        searches.addAll(node.hostDns().searches());
        options.addAll(node.hostDns().options());
      }
      default -> { }   // None
    }
    PodDNSConfig extra = pod.getSpec().getDnsConfig();
    if (extra != null) {
      if (extra.getNameservers() != null) {
        servers.addAll(extra.getNameservers());
      }
      if (extra.getSearches() != null) {
        searches.addAll(extra.getSearches());
      }
      options = mergeOptions(options, extra.getOptions());
    }
    return DNSConfig.newBuilder()
        .addAllServers(dedupe(servers, MAX_NAMESERVERS))
        .addAllSearches(dedupe(searches, MAX_SEARCHES))
        .addAllOptions(options)
        .build();
  }

  /** A pod option replaces a node option of the same name ("ndots:2" replaces "ndots:5"). */
  private static List<String> mergeOptions(List<String> base, List<PodDNSConfigOption> extra) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String o : base) {
      int colon = o.indexOf(':');
      byName.put(colon < 0 ? o : o.substring(0, colon), o);
    }
    if (extra != null) {
      for (PodDNSConfigOption o : extra) {
        byName.put(o.getName(), o.getValue() == null ? o.getName() : o.getName() + ":" + o.getValue());
      }
    }
    return new ArrayList<>(byName.values());
  }

  private static List<String> dedupe(List<String> values, int max) {
    return new ArrayList<>(new LinkedHashSet<>(values)).subList(0, Math.min(max, new LinkedHashSet<>(values).size()));
  }
}
