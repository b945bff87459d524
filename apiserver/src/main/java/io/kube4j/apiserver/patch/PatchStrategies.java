package io.kube4j.apiserver.patch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every field of the built-in API types that has a strategic-merge-patch strategy, keyed by the
 * Fabric8 model class that carries it. Transcribed from the {@code patchStrategy}/{@code patchMergeKey}
 * struct tags of Kubernetes v1.32 ({@code staging/src/k8s.io/api/<group>/<version>/types.go} and
 * {@code apimachinery/pkg/apis/meta/v1/types.go}); a field not listed has no strategy: objects merge
 * key by key and lists are replaced whole.
 *
 * <p>The OpenAPI documents publish the same facts as {@code x-kubernetes-patch-strategy} and
 * {@code x-kubernetes-patch-merge-key}; {@link #entries()} names each owner by its OpenAPI definition.
 * Classes are named by string so that groups whose model jar is not on the classpath still appear.
 */
public final class PatchStrategies {

  /**
   * One tagged field.
   *
   * @param definition the OpenAPI definition of the owner, e.g. {@code io.k8s.api.core.v1.PodSpec}
   * @param javaClass the Fabric8 model class of the owner
   * @param jsonField the field's JSON name
   * @param meta its strategy and merge key
   */
  public record Entry(String definition, String javaClass, String jsonField, PatchMeta meta) {}

  private static final String MERGE = "merge";
  private static final String MERGE_RETAIN_KEYS = "merge,retainKeys";

  private static final List<Entry> ENTRIES = List.of(
      // meta/v1
      meta("ObjectMeta", "ownerReferences", MERGE, "uid"),
      meta("ObjectMeta", "finalizers", MERGE, ""),

      // core/v1: pods
      core("PodSpec", "volumes", MERGE_RETAIN_KEYS, "name"),
      core("PodSpec", "initContainers", MERGE, "name"),
      core("PodSpec", "containers", MERGE, "name"),
      core("PodSpec", "ephemeralContainers", MERGE, "name"),
      core("PodSpec", "imagePullSecrets", MERGE, "name"),
      core("PodSpec", "hostAliases", MERGE, "ip"),
      core("PodSpec", "topologySpreadConstraints", MERGE, "topologyKey"),
      core("PodSpec", "schedulingGates", MERGE, "name"),
      core("PodSpec", "resourceClaims", MERGE_RETAIN_KEYS, "name"),
      core("Container", "ports", MERGE, "containerPort"),
      core("Container", "env", MERGE, "name"),
      core("Container", "volumeMounts", MERGE, "mountPath"),
      core("Container", "volumeDevices", MERGE, "devicePath"),
      // EphemeralContainerCommon is inlined into EphemeralContainer, in Go and in Fabric8 alike.
      core("EphemeralContainer", "ports", MERGE, "containerPort"),
      core("EphemeralContainer", "env", MERGE, "name"),
      core("EphemeralContainer", "volumeMounts", MERGE, "mountPath"),
      core("EphemeralContainer", "volumeDevices", MERGE, "devicePath"),
      core("ContainerStatus", "volumeMounts", MERGE, "mountPath"),
      core("ContainerStatus", "allocatedResourcesStatus", MERGE, "name"),
      core("PodStatus", "conditions", MERGE, "type"),
      core("PodStatus", "hostIPs", MERGE, "ip"),
      core("PodStatus", "podIPs", MERGE, "ip"),
      core("PodStatus", "resourceClaimStatuses", MERGE_RETAIN_KEYS, "name"),

      // core/v1: everything else
      core("PersistentVolumeClaimStatus", "conditions", MERGE, "type"),
      core("ReplicationControllerStatus", "conditions", MERGE, "type"),
      core("ServiceSpec", "ports", MERGE, "port"),
      core("ServiceStatus", "conditions", MERGE, "type"),
      core("ServiceAccount", "secrets", MERGE, "name"),
      core("NodeSpec", "podCIDRs", MERGE, ""),
      core("NodeStatus", "conditions", MERGE, "type"),
      core("NodeStatus", "addresses", MERGE, "type"),
      core("NamespaceStatus", "conditions", MERGE, "type"),
      core("ComponentStatus", "conditions", MERGE, "type"),

      // apps/v1
      apps("DeploymentSpec", "strategy", "retainKeys", ""),
      apps("DeploymentStatus", "conditions", MERGE, "type"),
      apps("StatefulSetStatus", "conditions", MERGE, "type"),
      apps("DaemonSetStatus", "conditions", MERGE, "type"),
      apps("ReplicaSetStatus", "conditions", MERGE, "type"),

      // batch/v1
      of("io.k8s.api.batch.v1", "io.fabric8.kubernetes.api.model.batch.v1", "JobStatus", "conditions", MERGE, "type"),

      // policy/v1
      of("io.k8s.api.policy.v1", "io.fabric8.kubernetes.api.model.policy.v1",
          "PodDisruptionBudgetSpec", "selector", "replace", ""),
      of("io.k8s.api.policy.v1", "io.fabric8.kubernetes.api.model.policy.v1",
          "PodDisruptionBudgetStatus", "conditions", MERGE, "type"),

      // autoscaling/v2
      of("io.k8s.api.autoscaling.v2", "io.fabric8.kubernetes.api.model.autoscaling.v2",
          "HorizontalPodAutoscalerStatus", "conditions", MERGE, "type"),

      // admissionregistration.k8s.io/v1
      admission("ValidatingWebhookConfiguration", "webhooks"),
      admission("MutatingWebhookConfiguration", "webhooks"),
      admission("ValidatingWebhook", "matchConditions"),
      admission("MutatingWebhook", "matchConditions"),
      admission("ValidatingAdmissionPolicySpec", "matchConditions"),
      admission("ValidatingAdmissionPolicySpec", "variables"),

      // flowcontrol.apiserver.k8s.io/v1
      of("io.k8s.api.flowcontrol.v1", "io.fabric8.kubernetes.api.model.flowcontrol.v1",
          "FlowSchemaStatus", "conditions", MERGE, "type"),
      of("io.k8s.api.flowcontrol.v1", "io.fabric8.kubernetes.api.model.flowcontrol.v1",
          "PriorityLevelConfigurationStatus", "conditions", MERGE, "type"),

      // storage.k8s.io/v1
      of("io.k8s.api.storage.v1", "io.fabric8.kubernetes.api.model.storage", "CSINodeSpec", "drivers", MERGE, "name"));

  /** Java class name, then JSON field name. */
  private static final Map<String, Map<String, PatchMeta>> BY_CLASS = index();

  private PatchStrategies() {}

  /** The strategy of {@code owner}'s field {@code jsonField}, if it has one. */
  public static Optional<PatchMeta> lookup(Class<?> owner, String jsonField) {
    Map<String, PatchMeta> fields = BY_CLASS.get(owner.getName());
    return fields == null ? Optional.empty() : Optional.ofNullable(fields.get(jsonField));
  }

  /** The whole table, in the order of the upstream sources. */
  public static List<Entry> entries() {
    return ENTRIES;
  }

  private static Map<String, Map<String, PatchMeta>> index() {
    Map<String, Map<String, PatchMeta>> byClass = new HashMap<>();
    for (Entry e : ENTRIES) {
      byClass.computeIfAbsent(e.javaClass(), c -> new HashMap<>()).put(e.jsonField(), e.meta());
    }
    byClass.replaceAll((c, fields) -> Map.copyOf(fields));
    return Map.copyOf(byClass);
  }

  private static Entry of(String definitionPackage, String javaPackage, String type, String field,
      String strategy, String mergeKey) {
    return new Entry(definitionPackage + "." + type, javaPackage + "." + type, field,
        new PatchMeta(strategy, mergeKey));
  }

  private static Entry meta(String type, String field, String strategy, String mergeKey) {
    return of("io.k8s.apimachinery.pkg.apis.meta.v1", "io.fabric8.kubernetes.api.model", type, field,
        strategy, mergeKey);
  }

  private static Entry core(String type, String field, String strategy, String mergeKey) {
    return of("io.k8s.api.core.v1", "io.fabric8.kubernetes.api.model", type, field, strategy, mergeKey);
  }

  private static Entry apps(String type, String field, String strategy, String mergeKey) {
    return of("io.k8s.api.apps.v1", "io.fabric8.kubernetes.api.model.apps", type, field, strategy, mergeKey);
  }

  /** Every tagged admissionregistration/v1 field is a list merged by {@code name}. */
  private static Entry admission(String type, String field) {
    return of("io.k8s.api.admissionregistration.v1", "io.fabric8.kubernetes.api.model.admissionregistration.v1",
        type, field, MERGE, "name");
  }
}
