package io.kube4j.apiserver.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Fabric8 classes cannot tell: which {@code String} fields are Go {@code metav1.Time} or
 * base64 {@code []byte} upstream, and which fields are required. Keyed by upstream schema name.
 *
 * <p>{@code MicroTime} needs no table: Fabric8 types those fields as {@code MicroTime} or
 * {@code ZonedDateTime}. A map field listed here ({@code disruptedPods}, {@code Secret.data}) applies
 * the format to its values.
 */
final class FieldFacts {

  /** How upstream types a field Fabric8 keeps as a plain string. */
  enum StringKind { TIME, BYTES }

  private static final String CORE = "io.k8s.api.core.v1.";
  private static final String APPS = "io.k8s.api.apps.v1.";
  private static final String BATCH = "io.k8s.api.batch.v1.";
  private static final String META = SchemaNames.META + ".";

  private static final Map<String, Set<String>> TIME_FIELDS = Map.ofEntries(
      Map.entry(META + "ObjectMeta", Set.of("creationTimestamp", "deletionTimestamp")),
      Map.entry(META + "ManagedFieldsEntry", Set.of("time")),
      Map.entry(META + "Condition", Set.of("lastTransitionTime")),
      Map.entry(CORE + "ContainerStateRunning", Set.of("startedAt")),
      Map.entry(CORE + "ContainerStateTerminated", Set.of("startedAt", "finishedAt")),
      Map.entry(CORE + "Event", Set.of("firstTimestamp", "lastTimestamp")),
      Map.entry(CORE + "NamespaceCondition", Set.of("lastTransitionTime")),
      Map.entry(CORE + "NodeCondition", Set.of("lastHeartbeatTime", "lastTransitionTime")),
      Map.entry(CORE + "PersistentVolumeClaimCondition", Set.of("lastProbeTime", "lastTransitionTime")),
      Map.entry(CORE + "PersistentVolumeStatus", Set.of("lastPhaseTransitionTime")),
      Map.entry(CORE + "PodCondition", Set.of("lastProbeTime", "lastTransitionTime")),
      Map.entry(CORE + "PodStatus", Set.of("startTime")),
      Map.entry(CORE + "ReplicationControllerCondition", Set.of("lastTransitionTime")),
      Map.entry(CORE + "Taint", Set.of("timeAdded")),
      Map.entry(APPS + "DaemonSetCondition", Set.of("lastTransitionTime")),
      Map.entry(APPS + "DeploymentCondition", Set.of("lastTransitionTime", "lastUpdateTime")),
      Map.entry(APPS + "ReplicaSetCondition", Set.of("lastTransitionTime")),
      Map.entry(APPS + "StatefulSetCondition", Set.of("lastTransitionTime")),
      Map.entry(BATCH + "CronJobStatus", Set.of("lastScheduleTime", "lastSuccessfulTime")),
      Map.entry(BATCH + "JobCondition", Set.of("lastProbeTime", "lastTransitionTime")),
      Map.entry(BATCH + "JobStatus", Set.of("startTime", "completionTime")),
      Map.entry("io.k8s.api.events.v1.Event", Set.of("deprecatedFirstTimestamp", "deprecatedLastTimestamp")),
      Map.entry("io.k8s.api.policy.v1.PodDisruptionBudgetStatus", Set.of("disruptedPods")),
      Map.entry("io.k8s.api.authentication.v1.TokenRequestStatus", Set.of("expirationTimestamp")),
      Map.entry("io.k8s.api.certificates.v1.CertificateSigningRequestCondition",
          Set.of("lastUpdateTime", "lastTransitionTime")));

  private static final Map<String, Set<String>> BYTE_FIELDS = Map.of(
      CORE + "Secret", Set.of("data"),
      CORE + "ConfigMap", Set.of("binaryData"),
      "io.k8s.api.certificates.v1.CertificateSigningRequestSpec", Set.of("request"),
      "io.k8s.api.certificates.v1.CertificateSigningRequestStatus", Set.of("certificate"));

  /** The fields users most often write; it only drives explain's {@code -required-} marker. */
  private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
      Map.entry(META + "OwnerReference", List.of("apiVersion", "kind", "name", "uid")),
      Map.entry(META + "LabelSelectorRequirement", List.of("key", "operator")),
      Map.entry(META + "Condition", List.of("type", "status", "lastTransitionTime", "reason", "message")),
      Map.entry(META + "WatchEvent", List.of("type", "object")),
      Map.entry(CORE + "PodSpec", List.of("containers")),
      Map.entry(CORE + "Container", List.of("name")),
      Map.entry(CORE + "EphemeralContainer", List.of("name")),
      Map.entry(CORE + "ContainerPort", List.of("containerPort")),
      Map.entry(CORE + "EnvVar", List.of("name")),
      Map.entry(CORE + "Volume", List.of("name")),
      Map.entry(CORE + "VolumeMount", List.of("name", "mountPath")),
      Map.entry(CORE + "KeyToPath", List.of("key", "path")),
      Map.entry(CORE + "ConfigMapKeySelector", List.of("key")),
      Map.entry(CORE + "SecretKeySelector", List.of("key")),
      Map.entry(CORE + "ObjectFieldSelector", List.of("fieldPath")),
      Map.entry(CORE + "HTTPGetAction", List.of("port")),
      Map.entry(CORE + "TCPSocketAction", List.of("port")),
      Map.entry(CORE + "ServicePort", List.of("port")),
      Map.entry(CORE + "NodeSelector", List.of("nodeSelectorTerms")),
      Map.entry(CORE + "NodeSelectorRequirement", List.of("key", "operator")),
      Map.entry(CORE + "PodAffinityTerm", List.of("topologyKey")),
      Map.entry(CORE + "WeightedPodAffinityTerm", List.of("weight", "podAffinityTerm")),
      Map.entry(CORE + "PreferredSchedulingTerm", List.of("weight", "preference")),
      Map.entry(CORE + "TopologySpreadConstraint", List.of("maxSkew", "topologyKey", "whenUnsatisfiable")),
      Map.entry(CORE + "Taint", List.of("key", "effect")),
      Map.entry(CORE + "PodCondition", List.of("type", "status")),
      Map.entry(CORE + "NodeCondition", List.of("type", "status")),
      Map.entry(CORE + "Binding", List.of("target")),
      Map.entry(APPS + "DeploymentSpec", List.of("selector", "template")),
      Map.entry(APPS + "ReplicaSetSpec", List.of("selector")),
      Map.entry(APPS + "StatefulSetSpec", List.of("selector", "template")),
      Map.entry(APPS + "DaemonSetSpec", List.of("selector", "template")),
      Map.entry(BATCH + "JobSpec", List.of("template")),
      Map.entry(BATCH + "CronJobSpec", List.of("schedule", "jobTemplate")),
      Map.entry("io.k8s.api.discovery.v1.EndpointSlice", List.of("addressType", "endpoints")),
      Map.entry("io.k8s.api.discovery.v1.Endpoint", List.of("addresses")),
      Map.entry("io.k8s.api.scheduling.v1.PriorityClass", List.of("value")),
      Map.entry("io.k8s.api.certificates.v1.CertificateSigningRequestSpec", List.of("request", "signerName")),
      Map.entry("io.k8s.api.certificates.v1.CertificateSigningRequestCondition", List.of("type", "status")));

  private FieldFacts() {}

  static StringKind stringKind(String schemaName, String field) {
    if (TIME_FIELDS.getOrDefault(schemaName, Set.of()).contains(field)) return StringKind.TIME;
    if (BYTE_FIELDS.getOrDefault(schemaName, Set.of()).contains(field)) return StringKind.BYTES;
    return null;
  }

  static List<String> required(String schemaName) {
    return REQUIRED.getOrDefault(schemaName, List.of());
  }
}
