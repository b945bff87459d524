package io.kube4j.apiserver.discovery;

import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.registry.ApiResource.Subresource;
import io.kube4j.apiserver.registry.ApiResource.Verb;
import io.kube4j.apiserver.runtime.Codec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents of a fixed set of resources, built once. Groups and resources keep the
 * order they were declared in: kubectl's {@code get all} prints category members in discovery order.
 */
public final class Discovery {

  /** The aggregated form kubectl 1.30+ asks for; the response's Content-Type says which form it is. */
  public static final String V2_CONTENT_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
  public static final String V2BETA1_CONTENT_TYPE =
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

  private final Map<String, Map<String, List<ApiResource>>> byGroupVersion = new LinkedHashMap<>();
  private final Codec codec;
  private final String serverAddress;

  public Discovery(Collection<ApiResource> resources, Codec codec, String serverAddress) {
    this.codec = codec;
    this.serverAddress = serverAddress;
    for (ApiResource r : resources) {
      byGroupVersion.computeIfAbsent(r.group(), g -> new LinkedHashMap<>())
          .computeIfAbsent(r.version(), v -> new ArrayList<>()).add(r);
    }
  }

  /** {@code /api} ({@code core} true) or {@code /apis} in the aggregated form of {@code version}. */
  public byte[] aggregated(boolean core, String version) {
    List<AggregatedDiscovery.GroupDiscovery> items = new ArrayList<>();
    byGroupVersion.forEach((group, versions) -> {
      if (group.isEmpty() != core) {
        return;
      }
      List<AggregatedDiscovery.VersionDiscovery> vs = new ArrayList<>();
      versions.forEach((v, resources) -> vs.add(new AggregatedDiscovery.VersionDiscovery(v,
          resources.stream().map(Discovery::aggregatedResource).toList(), "Current")));
      items.add(new AggregatedDiscovery.GroupDiscovery(group.isEmpty() ? Map.of() : Map.of("name", group), vs));
    });
    return codec.encode(new AggregatedDiscovery.GroupDiscoveryList("APIGroupDiscoveryList",
        "apidiscovery.k8s.io/" + version, Map.of(), items));
  }

  private static AggregatedDiscovery.ResourceDiscovery aggregatedResource(ApiResource r) {
    List<AggregatedDiscovery.SubresourceDiscovery> subs = new ArrayList<>();
    for (Subresource s : r.subresources()) {
      subs.add(new AggregatedDiscovery.SubresourceDiscovery(s.name(),
          new AggregatedDiscovery.GroupVersionKind(s.group(), s.version(), s.kind()), verbs(s.verbs())));
    }
    return new AggregatedDiscovery.ResourceDiscovery(r.resource(),
        new AggregatedDiscovery.GroupVersionKind(r.group(), r.version(), r.kind()),
        r.namespaced() ? "Namespaced" : "Cluster", r.singular(), verbs(r.verbs()), r.shortNames(),
        r.categories(), subs);
  }

  /** {@code /api}: the legacy list of core versions. */
  public byte[] legacyCoreVersions() {
    return codec.encode(new LegacyDiscovery.ApiVersions("APIVersions",
        new ArrayList<>(byGroupVersion.getOrDefault("", Map.of()).keySet()),
        List.of(new LegacyDiscovery.ServerAddress("0.0.0.0/0", serverAddress))));
  }

  /** {@code /apis}: the legacy list of groups, first version preferred. */
  public byte[] legacyGroups() {
    List<LegacyDiscovery.ApiGroup> groups = new ArrayList<>();
    byGroupVersion.forEach((group, versions) -> {
      if (group.isEmpty()) {
        return;
      }
      List<LegacyDiscovery.GroupVersion> vs = versions.keySet().stream()
          .map(v -> new LegacyDiscovery.GroupVersion(group + "/" + v, v)).toList();
      groups.add(new LegacyDiscovery.ApiGroup(group, vs, vs.get(0)));
    });
    return codec.encode(new LegacyDiscovery.ApiGroupList("APIGroupList", "v1", groups));
  }

  /** {@code /apis/<group>}: one group. */
  public Optional<byte[]> legacyGroup(String group) {
    Map<String, List<ApiResource>> versions = byGroupVersion.get(group);
    if (versions == null || group.isEmpty()) {
      return Optional.empty();
    }
    List<LegacyDiscovery.GroupVersion> vs = versions.keySet().stream()
        .map(v -> new LegacyDiscovery.GroupVersion(group + "/" + v, v)).toList();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "APIGroup");
    doc.put("apiVersion", "v1");
    doc.put("name", group);
    doc.put("versions", vs);
    doc.put("preferredVersion", vs.get(0));
    return Optional.of(codec.encode(doc));
  }

  /** {@code /api/v1} or {@code /apis/<group>/<version>}: the resources of one group version. */
  public Optional<byte[]> legacyResources(String group, String version) {
    List<ApiResource> resources = byGroupVersion.getOrDefault(group, Map.of()).get(version);
    if (resources == null) {
      return Optional.empty();
    }
    List<LegacyDiscovery.Resource> out = new ArrayList<>();
    for (ApiResource r : resources) {
      out.add(new LegacyDiscovery.Resource(r.resource(), r.singular(), r.namespaced(), null, null, r.kind(),
          verbs(r.verbs()), r.shortNames(), r.categories()));
      for (Subresource s : r.subresources()) {
        boolean foreign = !s.group().equals(r.group()) || !s.version().equals(r.version());
        out.add(new LegacyDiscovery.Resource(r.resource() + "/" + s.name(), "", r.namespaced(),
            foreign ? s.group() : null, foreign ? s.version() : null, s.kind(), verbs(s.verbs()),
            List.of(), List.of()));
      }
    }
    String gv = group.isEmpty() ? version : group + "/" + version;
    return Optional.of(codec.encode(new LegacyDiscovery.ApiResourceList("APIResourceList", "v1", gv, out)));
  }

  private static List<String> verbs(Collection<Verb> verbs) {
    return verbs.stream().map(Verb::wire).sorted().toList();
  }
}
