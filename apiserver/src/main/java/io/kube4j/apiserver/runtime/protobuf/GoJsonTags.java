package io.kube4j.apiserver.runtime.protobuf;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the Go {@code json:"..."} struct tags in {@code k8s.io/api/<group>/<version>/types.go} say
 * and the {@code generated.proto} files do not. Keys are {@code Message.protoField} with the
 * message's simple name, so one entry covers a type in every version that has it.
 *
 * <h2>Zero values: when a number or boolean on the wire means "unset"</h2>
 *
 * Go's protobuf marshaller writes every non-pointer scalar, zero or not, and a pointer scalar only
 * when it is set. JSON marshalling drops a zero non-pointer field tagged {@code omitempty} and
 * keeps a set pointer even when it points at zero ({@code replicas: 0},
 * {@code automountServiceAccountToken: false}, {@code immutable: false} mean something). So a zero
 * number or {@code false} is dropped only for the fields in {@link #DROP_ZERO} (non-pointer and
 * {@code omitempty}, taken from the 1.32 types.go files of the GA groups, leaving out the
 * query-parameter-only option types) and kept everywhere else. Non-pointer fields without
 * {@code omitempty} ({@code containerPort}, {@code ServicePort.port}) are kept, as Go's JSON does.
 *
 * <p>Keyed by simple name, one entry also covers other versions of the type; where they disagree
 * (autoscaling/v1's {@code HorizontalPodAutoscalerStatus.currentReplicas} has no {@code omitempty})
 * only a status counter's zero goes missing, which a reader takes as zero anyway.
 *
 * <p>For strings the default is the other way round: an empty string is dropped, since nearly every
 * string is a non-pointer {@code omitempty} field, except in {@link #KEEP_EMPTY_STRING}, the
 * pointer fields whose empty value is documented to mean something.
 */
final class GoJsonTags {

  private GoJsonTags() {}

  private static final Set<String> DROP_ZERO = fields(
      // meta/v1
      "ObjectMeta", "generation",
      "Condition", "observedGeneration",
      // core/v1 workloads and pods
      "Container", "stdin", "stdinOnce", "tty",
      "EphemeralContainerCommon", "stdin", "stdinOnce", "tty",
      "ContainerPort", "hostPort",
      "Probe", "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold",
      "failureThreshold",
      "PodSpec", "hostNetwork", "hostPID", "hostIPC",
      "VolumeMount", "readOnly",
      "VolumeMountStatus", "readOnly",
      "ContainerStateTerminated", "signal",
      "ContainerImage", "sizeBytes",
      "NodeSpec", "unschedulable",
      "ServicePort", "nodePort",
      "ServiceSpec", "healthCheckNodePort", "publishNotReadyAddresses",
      "Event", "count", "deprecatedCount",
      "EventSeries", "count",
      "ReplicationControllerSpec", "minReadySeconds",
      "ReplicationControllerStatus", "availableReplicas", "fullyLabeledReplicas",
      "observedGeneration", "readyReplicas",
      // core/v1 volume sources
      "AWSElasticBlockStoreVolumeSource", "partition", "readOnly",
      "GCEPersistentDiskVolumeSource", "partition", "readOnly",
      "AzureFileVolumeSource", "readOnly",
      "AzureFilePersistentVolumeSource", "readOnly",
      "CSIPersistentVolumeSource", "readOnly",
      "CephFSVolumeSource", "readOnly",
      "CephFSPersistentVolumeSource", "readOnly",
      "CinderVolumeSource", "readOnly",
      "CinderPersistentVolumeSource", "readOnly",
      "FCVolumeSource", "readOnly",
      "FlexVolumeSource", "readOnly",
      "FlexPersistentVolumeSource", "readOnly",
      "GlusterfsVolumeSource", "readOnly",
      "GlusterfsPersistentVolumeSource", "readOnly",
      "ISCSIVolumeSource", "readOnly", "chapAuthDiscovery", "chapAuthSession",
      "ISCSIPersistentVolumeSource", "readOnly", "chapAuthDiscovery", "chapAuthSession",
      "NFSVolumeSource", "readOnly",
      "PersistentVolumeClaimVolumeSource", "readOnly",
      "PortworxVolumeSource", "readOnly",
      "QuobyteVolumeSource", "readOnly",
      "RBDVolumeSource", "readOnly",
      "RBDPersistentVolumeSource", "readOnly",
      "ScaleIOVolumeSource", "readOnly", "sslEnabled",
      "ScaleIOPersistentVolumeSource", "readOnly", "sslEnabled",
      "StorageOSVolumeSource", "readOnly",
      "StorageOSPersistentVolumeSource", "readOnly",
      // apps/v1
      "DeploymentSpec", "minReadySeconds", "paused",
      "DeploymentStatus", "observedGeneration", "replicas", "updatedReplicas", "readyReplicas",
      "availableReplicas", "unavailableReplicas",
      "ReplicaSetSpec", "minReadySeconds",
      "ReplicaSetStatus", "fullyLabeledReplicas", "readyReplicas", "availableReplicas",
      "observedGeneration",
      "StatefulSetSpec", "minReadySeconds",
      "StatefulSetStatus", "observedGeneration", "readyReplicas", "currentReplicas",
      "updatedReplicas",
      "DaemonSetSpec", "minReadySeconds",
      "DaemonSetStatus", "observedGeneration", "updatedNumberScheduled", "numberAvailable",
      "numberUnavailable",
      // batch/v1, autoscaling, policy/v1
      "JobStatus", "active", "succeeded", "failed",
      "ScaleSpec", "replicas",
      "HorizontalPodAutoscalerStatus", "currentReplicas",
      "PodDisruptionBudgetStatus", "observedGeneration",
      // auth, scheduling, networking, admission, flowcontrol
      "TokenReviewStatus", "authenticated",
      "SubjectAccessReviewStatus", "denied",
      "PriorityClass", "globalDefault",
      "ServiceBackendPort", "number",
      "ValidatingAdmissionPolicyStatus", "observedGeneration",
      "ResourcePolicyRule", "clusterScope");

  private static final Set<String> KEEP_EMPTY_STRING = fields(
      // "" asks for no StorageClass at all (no dynamic provisioning), unlike an unset field
      "PersistentVolumeClaimSpec", "storageClassName",
      // "" asks for no VolumeAttributesClass
      "PersistentVolumeClaimSpec", "volumeAttributesClassName",
      // client-go's leader election writes "" when it releases a lease
      "LeaseSpec", "holderIdentity");

  /**
   * Fields tagged {@code json:",inline"}: in JSON their fields sit in the enclosing object
   * ({@code {"name":"v","emptyDir":{}}}); in protobuf they are a nested message.
   */
  private static final Set<String> INLINE = fields(
      "Volume", "volumeSource",
      "PersistentVolumeSpec", "persistentVolumeSource",
      "Probe", "handler",
      "EphemeralContainer", "ephemeralContainerCommon",
      "ConfigMapEnvSource", "localObjectReference",
      "ConfigMapKeySelector", "localObjectReference",
      "ConfigMapProjection", "localObjectReference",
      "ConfigMapVolumeSource", "localObjectReference",
      "SecretEnvSource", "localObjectReference",
      "SecretKeySelector", "localObjectReference",
      "SecretProjection", "localObjectReference",
      "IngressRule", "ingressRuleValue",
      "NamedRuleWithOperations", "ruleWithOperations",
      "RuleWithOperations", "rule");

  /** Protobuf field names that differ from the JSON ones (the proto took the Go field name). */
  private static final Map<String, String> JSON_NAME = Map.of(
      "BoundObjectReference.uID", "uid",
      "IngressClassParametersReference.aPIGroup", "apiGroup",
      "Validation.Expression", "expression",
      "Variable.Name", "name",
      "Variable.Expression", "expression",
      "ValidatingWebhookConfiguration.Webhooks", "webhooks",
      "MutatingWebhookConfiguration.Webhooks", "webhooks");

  static boolean dropsZero(FieldDescriptor field) {
    return DROP_ZERO.contains(key(field));
  }

  static boolean keepsEmptyString(FieldDescriptor field) {
    return KEEP_EMPTY_STRING.contains(key(field));
  }

  static boolean isInline(FieldDescriptor field) {
    return INLINE.contains(key(field));
  }

  static String jsonName(FieldDescriptor field) {
    return JSON_NAME.getOrDefault(key(field), field.getName());
  }

  private static String key(FieldDescriptor field) {
    return field.getContainingType().getName() + "." + field.getName();
  }

  /** {@code "Probe", "periodSeconds", "timeoutSeconds", "PodSpec", ...}: a capitalised word starts a message. */
  private static Set<String> fields(String... messagesAndFields) {
    Set<String> keys = new HashSet<>();
    String message = null;
    for (String word : messagesAndFields) {
      if (Character.isUpperCase(word.charAt(0))) {
        message = word;
      } else {
        keys.add(message + "." + word);
      }
    }
    return Set.copyOf(keys);
  }
}
