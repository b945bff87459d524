package io.kube4j.apiserver.validation.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A short description of how two specs differ, appended to "may not change" errors the way upstream
 * appends {@code cmp.Diff(old, new)}. Upstream prints Go structs; this prints the differing top-level fields
 * with their Go names and JSON values, in the same {@code -}/{@code +} layout:
 * <pre>
 *   core.PodSpec{
 * - 	RestartPolicy: "Always",
 * + 	RestartPolicy: "Never",
 *   }
 * </pre>
 */
public final class SpecDiff {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> GO_NAMES = Map.ofEntries(
      Map.entry("dnsPolicy", "DNSPolicy"), Map.entry("dnsConfig", "DNSConfig"), Map.entry("hostIPC", "HostIPC"),
      Map.entry("hostPID", "HostPID"), Map.entry("os", "OS"), Map.entry("setHostnameAsFQDN", "SetHostnameAsFQDN"),
      Map.entry("clusterIP", "ClusterIP"), Map.entry("clusterIPs", "ClusterIPs"), Map.entry("externalIPs", "ExternalIPs"),
      Map.entry("loadBalancerIP", "LoadBalancerIP"), Map.entry("ipFamilies", "IPFamilies"),
      Map.entry("ipFamilyPolicy", "IPFamilyPolicy"), Map.entry("podCIDR", "PodCIDR"), Map.entry("podCIDRs", "PodCIDRs"),
      Map.entry("providerID", "ProviderID"));

  private SpecDiff() {}

  public static String diff(String goType, Object old, Object neu) {
    Map<?, ?> o = JSON.convertValue(old, Map.class);
    Map<?, ?> n = JSON.convertValue(neu, Map.class);
    StringBuilder b = new StringBuilder("  ").append(goType).append("{\n");
    TreeSet<String> keys = new TreeSet<>();
    o.keySet().forEach(k -> keys.add(k.toString()));
    n.keySet().forEach(k -> keys.add(k.toString()));
    for (String k : keys) {
      Object ov = o.get(k);
      Object nv = n.get(k);
      if (Objects.equals(ov, nv)) {
        continue;
      }
      String name = GO_NAMES.getOrDefault(k, Character.toUpperCase(k.charAt(0)) + k.substring(1));
      if (ov != null) {
        b.append("- \t").append(name).append(": ").append(json(ov)).append(",\n");
      }
      if (nv != null) {
        b.append("+ \t").append(name).append(": ").append(json(nv)).append(",\n");
      }
    }
    return b.append("  }\n").toString();
  }

  private static String json(Object v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      return String.valueOf(v);
    }
  }
}
