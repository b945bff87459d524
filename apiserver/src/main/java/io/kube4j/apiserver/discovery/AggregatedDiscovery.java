package io.kube4j.apiserver.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The aggregated discovery types ({@code apidiscovery.k8s.io/v2}), as JSON records. A resource or
 * subresource without {@code responseKind} is dropped by client-go, so every one carries it.
 */
final class AggregatedDiscovery {

  private AggregatedDiscovery() {}

  record GroupDiscoveryList(String kind, String apiVersion, Map<String, Object> metadata,
      List<GroupDiscovery> items) {}

  record GroupDiscovery(Map<String, String> metadata, List<VersionDiscovery> versions) {}

  record VersionDiscovery(String version, List<ResourceDiscovery> resources, String freshness) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record ResourceDiscovery(String resource, GroupVersionKind responseKind, String scope,
      String singularResource, List<String> verbs, List<String> shortNames, List<String> categories,
      List<SubresourceDiscovery> subresources) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record SubresourceDiscovery(String subresource, GroupVersionKind responseKind, List<String> verbs) {}

  record GroupVersionKind(String group, String version, String kind) {}
}
