package io.kube4j.agent.cni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's CNI network: a bridge that is the pods' gateway ({@code isGateway}), masquerading pod
 * traffic that leaves the pod range ({@code ipMasq}), addresses from {@code podCidr} handed out by
 * host-local, and a default route through the bridge. With {@code portMap}, the portmap plugin
 * turns hostPorts into iptables DNAT rules.
 *
 * <p>Side effects on the host, by the bridge plugin: the bridge device with the gateway address,
 * {@code net.ipv4.ip_forward=1}, and with ipMasq an iptables chain per pod.
 *
 * @param name      the network name (CNI result, iptables chain comments)
 * @param bridge    the bridge device, at most 15 characters
 * @param ipamDir   where host-local records which address each pod holds
 */
public record CniConfig(String name, String bridge, PodCidr podCidr, Path ipamDir, boolean ipMasq, boolean portMap) {

  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String CNI_VERSION = "0.4.0";
  public static final Path DEFAULT_IPAM_DIR = Path.of("/var/lib/cni/networks");
  /** containerd reads the first file of its conf dir in name order; "10-" sorts before most others. */
  public static final String FILE_NAME = "10-kube4j.conflist";

  public CniConfig {
    if (bridge.isEmpty() || bridge.length() > 15) {
      throw new IllegalArgumentException("a Linux interface name has 1 to 15 characters: " + bridge);
    }
  }

  /** The node network as kube4j sets it up: bridge {@code kube4j0}, masquerade on, hostPorts through portmap. */
  public static CniConfig forNode(String podCidr) {
    return new CniConfig("kube4j", "kube4j0", PodCidr.parse(podCidr), DEFAULT_IPAM_DIR, true, true);
  }

  /** The conflist JSON (plugins in the order CNI runs them on ADD). */
  public String toJson() {
    Map<String, Object> ipam = new LinkedHashMap<>();
    ipam.put("type", "host-local");
    ipam.put("dataDir", ipamDir.toString());
    ipam.put("ranges", List.of(List.of(Map.of("subnet", podCidr.toString(), "gateway", podCidr.gateway().getHostAddress()))));
    ipam.put("routes", List.of(Map.of("dst", podCidr.isIpv6() ? "::/0" : "0.0.0.0/0")));
    Map<String, Object> bridgePlugin = new LinkedHashMap<>();
    bridgePlugin.put("type", "bridge");
    bridgePlugin.put("bridge", bridge);
    bridgePlugin.put("isGateway", true);
    bridgePlugin.put("ipMasq", ipMasq);
    bridgePlugin.put("hairpinMode", true);   // a pod can reach itself through a Service address
    bridgePlugin.put("ipam", ipam);
    List<Object> plugins = new ArrayList<>(List.of(bridgePlugin));
    if (portMap) {
      // containerd hands the sandbox's port mappings only to plugins that declare this capability
      plugins.add(Map.of("type", "portmap", "capabilities", Map.of("portMappings", true)));
    }
    Map<String, Object> conflist = new LinkedHashMap<>();
    conflist.put("cniVersion", CNI_VERSION);
    conflist.put("name", name);
    conflist.put("plugins", plugins);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(conflist) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the conflist into {@code confDir} in place. Never write a temporary file and rename it:
   * containerd 1.6 ignores the rename (it reloads on write, remove and rename-away events only) and
   * stays at "cni plugin not initialized".
   */
  public Path writeTo(Path confDir) throws IOException {
    Files.createDirectories(confDir);
    Path file = confDir.resolve(FILE_NAME);
    Files.writeString(file, toJson(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    return file;
  }
}
