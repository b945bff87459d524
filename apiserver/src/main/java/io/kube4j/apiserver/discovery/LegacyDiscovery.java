package io.kube4j.apiserver.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The legacy discovery types ({@code metav1.APIVersions}, {@code APIGroupList}, {@code APIResourceList}). */
final class LegacyDiscovery {

  private LegacyDiscovery() {}

  record ApiVersions(String kind, List<String> versions, List<ServerAddress> serverAddressByClientCIDRs) {}

  record ServerAddress(String clientCIDR, String serverAddress) {}

  record ApiGroupList(String kind, String apiVersion, List<ApiGroup> groups) {}

  record ApiGroup(String name, List<GroupVersion> versions, GroupVersion preferredVersion) {}

  record GroupVersion(String groupVersion, String version) {}

  record ApiResourceList(String kind, String apiVersion, String groupVersion, List<Resource> resources) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Resource(String name, String singularName, boolean namespaced, String group, String version,
      String kind, List<String> verbs, List<String> shortNames, List<String> categories) {}
}
