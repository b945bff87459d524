package io.kube4j.apiserver.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.kube4j.apiserver.api.GroupKind;
import io.kube4j.apiserver.api.GroupResource;
import java.util.List;
import java.util.Set;

/**
 * One resource the apiserver serves, as discovery describes it ({@code metav1.APIResource}) plus the
 * Java types its objects decode to. Discovery, OpenAPI, routing and the registry all read this one
 * record, so a resource is declared exactly once.
 *
 * @param group API group, {@code ""} for core
 * @param version e.g. {@code v1}
 * @param resource the plural lower-case name in URLs, e.g. {@code deployments}
 * @param singular e.g. {@code deployment}
 * @param kind e.g. {@code Deployment}
 * @param namespaced whether objects live in a namespace
 * @param shortNames e.g. {@code deploy}
 * @param categories e.g. {@code all}
 * @param verbs the verbs served on the main resource
 * @param subresources e.g. {@code status}, {@code scale}
 * @param type the model class of one object
 * @param listType the model class of a list
 */
public record ApiResource(
    String group,
    String version,
    String resource,
    String singular,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    Set<Verb> verbs,
    List<Subresource> subresources,
    Class<? extends HasMetadata> type,
    Class<? extends KubernetesResourceList<?>> listType) {

  /** API verbs as discovery lists them. */
  public enum Verb {
    CREATE, DELETE, DELETECOLLECTION, GET, LIST, PATCH, UPDATE, WATCH;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The verbs of an ordinary read-write resource. */
  public static final Set<Verb> ALL_VERBS = Set.of(Verb.values());

  /**
   * A subresource such as {@code pods/status}; {@code group}/{@code version}/{@code kind} name its
   * request and response type when that lives elsewhere (scale is {@code autoscaling/v1 Scale}).
   */
  public record Subresource(String name, String group, String version, String kind, Set<Verb> verbs) {}

  /** {@code apps/v1}, or {@code v1} for the core group. */
  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public GroupResource groupResource() {
    return new GroupResource(group, resource);
  }

  public GroupKind groupKind() {
    return new GroupKind(group, kind);
  }

  /** The list kind, e.g. {@code DeploymentList}. */
  public String listKind() {
    return kind + "List";
  }
}
