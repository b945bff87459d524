package io.kube4j.controllermanager.garbagecollector;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server serves, from discovery ({@code /api}, {@code /apis} and each group version): maps
 * an ownerReference's apiVersion and kind to a resource and scope (upstream's REST mapper), and
 * lists the resources the collector watches ({@code GetDeletableResources}).
 */
final class RestMapper {

  private static final Logger LOG = LoggerFactory.getLogger(RestMapper.class);

  /** Events are never owners nor owned in a way that matters, and churn: upstream ignores them. */
  static final Set<String> IGNORED_RESOURCES = Set.of("events", "events.events.k8s.io");

  /** One resource at one version. */
  record Mapping(String group, String version, String resource, String kind, boolean namespaced, List<String> verbs) {

    String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code resource.group}, e.g. {@code configmaps} or {@code deployments.apps}. */
    String groupResource() {
      return group.isEmpty() ? resource : resource + "." + group;
    }

    /** The collector watches what it can list, watch and delete. */
    boolean deletable() {
      return verbs.containsAll(List.of("delete", "list", "watch"));
    }

    ResourceDefinitionContext context() {
      return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(resource)
          .withKind(kind).withNamespaced(namespaced).build();
    }
  }

  /** An ownerReference names a kind the server does not serve (yet: a CRD may be on its way). */
  static final class RestMappingException extends RuntimeException {
    RestMappingException(String apiVersion, String kind) {
      super("unable to get REST mapping for " + kind + "/" + apiVersion
          + "; if this kind is new, the garbage collector sees it after its next discovery");
    }
  }

  private final KubernetesClient client;
  /** {@code apiVersion/kind} to its resource, for every version served. */
  private volatile Map<String, Mapping> byKind = Map.of();
  /** Every top-level resource at its group's preferred version. */
  private volatile List<Mapping> preferred = List.of();

  RestMapper(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Discovers again ({@code Reset}). A group version whose discovery fails keeps what was known of
   * it, so that a passing error does not stop its monitors (upstream keeps them too).
   */
  void reset() {
    Map<String, Mapping> kinds = new HashMap<>();
    List<Mapping> pref = new ArrayList<>();
    discover("", "v1", true, kinds, pref);
    for (APIGroup g : client.getApiGroups().getGroups()) {
      String preferredVersion = g.getPreferredVersion() == null ? null : g.getPreferredVersion().getVersion();
      for (GroupVersionForDiscovery gv : g.getVersions()) {
        discover(g.getName(), gv.getVersion(), gv.getVersion().equals(preferredVersion), kinds, pref);
      }
    }
    byKind = Map.copyOf(kinds);
    preferred = List.copyOf(pref);
  }

  private void discover(String group, String version, boolean isPreferred, Map<String, Mapping> kinds,
      List<Mapping> pref) {
    String gv = group.isEmpty() ? version : group + "/" + version;
    List<APIResource> resources;
    try {
      resources = client.getApiResources(gv).getResources();
    } catch (KubernetesClientException e) {
      if (group.isEmpty()) {
        throw e;
      }
      LOG.warn("discovery of {} failed, keeping what was known of it: {}", gv, e.getMessage());
      byKind.values().stream().filter(m -> m.apiVersion().equals(gv)).forEach(m -> kinds.put(gv + "/" + m.kind(), m));
      preferred.stream().filter(m -> m.apiVersion().equals(gv)).forEach(pref::add);
      return;
    }
    for (APIResource r : resources) {
      if (r.getName().contains("/")) {
        continue;  // a subresource
      }
      Mapping m = new Mapping(group, version, r.getName(), r.getKind(), Boolean.TRUE.equals(r.getNamespaced()),
          r.getVerbs() == null ? List.of() : List.copyOf(r.getVerbs()));
      kinds.putIfAbsent(gv + "/" + r.getKind(), m);
      if (isPreferred) {
        pref.add(m);
      }
    }
  }

  /** The resource of {@code kind} at {@code apiVersion}. */
  Mapping map(String apiVersion, String kind) {
    Mapping m = byKind.get(apiVersion + "/" + kind);
    if (m == null) {
      throw new RestMappingException(apiVersion, kind);
    }
    return m;
  }

  /** The resources to monitor: preferred versions that support delete, list and watch, but events. */
  List<Mapping> deletableResources() {
    return preferred.stream().filter(Mapping::deletable)
        .filter(m -> !IGNORED_RESOURCES.contains(m.groupResource())).toList();
  }
}
