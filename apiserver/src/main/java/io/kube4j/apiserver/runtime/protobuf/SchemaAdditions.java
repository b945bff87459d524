package io.kube4j.apiserver.runtime.protobuf;

import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.bool;
import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.int32;
import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.int64;
import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.message;
import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.messageMap;
import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.repeatedInt64;
import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.repeatedMessage;
import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.repeatedString;
import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.string;
import static io.kube4j.apiserver.runtime.protobuf.ProtoFile.stringMap;

import java.util.Map;

/**
 * What Kubernetes 1.32's {@code generated.proto} files have and client-java-proto 24.0.0 lacks.
 *
 * <p>That jar was generated from Kubernetes ~1.30: its packages lack a few newer fields, and it has
 * no {@code coordination.k8s.io/v1} (Lease), {@code events.k8s.io/v1}, {@code discovery.k8s.io/v1},
 * {@code node.k8s.io/v1} or {@code autoscaling/v2} at all. A field missing from a descriptor is
 * silently skipped by the parser, so each is written down here with its upstream number (field
 * numbers never change in Kubernetes). Only group-versions Kubernetes 1.32 serves by default are
 * brought up to date; alpha and beta packages are taken from the jar as they are.
 */
final class SchemaAdditions {

  static final String META_FILE = "k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto";
  static final String RESOURCE_FILE = "k8s.io/apimachinery/pkg/api/resource/generated.proto";
  static final String CORE_FILE = "k8s.io/api/core/v1/generated.proto";
  static final String AUTHORIZATION_FILE = "k8s.io/api/authorization/v1/generated.proto";

  private static final String META = ".k8s.io.apimachinery.pkg.apis.meta.v1.";
  private static final String OBJECT_META = META + "ObjectMeta";
  private static final String TIME = META + "Time";
  private static final String MICRO_TIME = META + "MicroTime";
  private static final String LABEL_SELECTOR = META + "LabelSelector";
  private static final String QUANTITY = ".k8s.io.apimachinery.pkg.api.resource.Quantity";
  private static final String CORE = ".k8s.io.api.core.v1.";

  private SchemaAdditions() {}

  /** Edits the jar's files in place and adds the missing ones; keys are file paths. */
  static void apply(Map<String, ProtoFile> files) {
    extendMeta(files.get(META_FILE));
    extendCore(files.get(CORE_FILE));
    extendAuthorization(files.get(AUTHORIZATION_FILE));
    for (ProtoFile added : new ProtoFile[] {coordination(), discovery(), events(), node(), autoscalingV2()}) {
      files.put(added.proto().getName(), added);
    }
  }

  private static void extendMeta(ProtoFile meta) {
    meta.extend("DeleteOptions", bool("ignoreStoreReadErrorWithClusterBreakingPotential", 6))
        .message("FieldSelectorRequirement",
            string("key", 1), string("operator", 2), repeatedString("values", 3));
  }

  private static void extendCore(ProtoFile core) {
    core.message("LinuxContainerUser",
            int64("uid", 1), int64("gid", 2), repeatedInt64("supplementalGroups", 3))
        .message("ContainerUser", message("linux", 1, "LinuxContainerUser"))
        .message("ResourceHealth", string("resourceID", 1), string("health", 2))
        .message("ResourceStatus",
            string("name", 1), repeatedMessage("resources", 2, "ResourceHealth"))
        .message("ImageVolumeSource", string("reference", 1), string("pullPolicy", 2))
        .message("NodeFeatures", bool("supplementalGroupsPolicy", 1))
        .extend("ContainerStatus",
            message("user", 13, "ContainerUser"),
            repeatedMessage("allocatedResourcesStatus", 14, "ResourceStatus"))
        .extend("NodeRuntimeHandlerFeatures", bool("userNamespaces", 2))
        .extend("NodeStatus", message("features", 13, "NodeFeatures"))
        .extend("PodLogOptions", string("stream", 10))
        .extend("PodResourceClaim",
            string("resourceClaimName", 3), string("resourceClaimTemplateName", 4))
        .extend("PodSecurityContext",
            string("supplementalGroupsPolicy", 12), string("seLinuxChangePolicy", 13))
        .extend("PodSpec", message("resources", 40, "ResourceRequirements"))
        .extend("ResourceClaim", string("request", 2))
        .extend("VolumeSource", message("image", 30, "ImageVolumeSource"));
  }

  /** SubjectAccessReview's field and label selectors (authorization/v1, Kubernetes 1.31). */
  private static void extendAuthorization(ProtoFile authorization) {
    authorization
        .message("FieldSelectorAttributes",
            string("rawSelector", 1), repeatedMessage("requirements", 2, META + "FieldSelectorRequirement"))
        .message("LabelSelectorAttributes",
            string("rawSelector", 1), repeatedMessage("requirements", 2, META + "LabelSelectorRequirement"))
        .extend("ResourceAttributes",
            message("fieldSelector", 8, "FieldSelectorAttributes"),
            message("labelSelector", 9, "LabelSelectorAttributes"));
  }

  /** Lease: node heartbeats and leader election. */
  private static ProtoFile coordination() {
    return ProtoFile.create("k8s.io/api/coordination/v1/generated.proto",
            "k8s.io.api.coordination.v1", META_FILE)
        .message("Lease", message("metadata", 1, OBJECT_META), message("spec", 2, "LeaseSpec"))
        .message("LeaseSpec",
            string("holderIdentity", 1), int32("leaseDurationSeconds", 2),
            message("acquireTime", 3, MICRO_TIME), message("renewTime", 4, MICRO_TIME),
            int32("leaseTransitions", 5), string("strategy", 6), string("preferredHolder", 7));
  }

  private static ProtoFile discovery() {
    return ProtoFile.create("k8s.io/api/discovery/v1/generated.proto",
            "k8s.io.api.discovery.v1", META_FILE, CORE_FILE)
        .message("EndpointSlice",
            message("metadata", 1, OBJECT_META), string("addressType", 4),
            repeatedMessage("endpoints", 2, "Endpoint"), repeatedMessage("ports", 3, "EndpointPort"))
        .message("Endpoint",
            repeatedString("addresses", 1), message("conditions", 2, "EndpointConditions"),
            string("hostname", 3), message("targetRef", 4, CORE + "ObjectReference"),
            stringMap("deprecatedTopology", 5), string("nodeName", 6), string("zone", 7),
            message("hints", 8, "EndpointHints"))
        .message("EndpointConditions", bool("ready", 1), bool("serving", 2), bool("terminating", 3))
        .message("EndpointHints", repeatedMessage("forZones", 1, "ForZone"))
        .message("ForZone", string("name", 1))
        .message("EndpointPort",
            string("name", 1), string("protocol", 2), int32("port", 3), string("appProtocol", 4));
  }

  /** events.k8s.io/v1 Event, what client-go's new event recorder sends. */
  private static ProtoFile events() {
    return ProtoFile.create("k8s.io/api/events/v1/generated.proto",
            "k8s.io.api.events.v1", META_FILE, CORE_FILE)
        .message("Event",
            message("metadata", 1, OBJECT_META), message("eventTime", 2, MICRO_TIME),
            message("series", 3, "EventSeries"), string("reportingController", 4),
            string("reportingInstance", 5), string("action", 6), string("reason", 7),
            message("regarding", 8, CORE + "ObjectReference"),
            message("related", 9, CORE + "ObjectReference"), string("note", 10), string("type", 11),
            message("deprecatedSource", 12, CORE + "EventSource"),
            message("deprecatedFirstTimestamp", 13, TIME), message("deprecatedLastTimestamp", 14, TIME),
            int32("deprecatedCount", 15))
        .message("EventSeries", int32("count", 1), message("lastObservedTime", 2, MICRO_TIME));
  }

  private static ProtoFile node() {
    return ProtoFile.create("k8s.io/api/node/v1/generated.proto",
            "k8s.io.api.node.v1", RESOURCE_FILE, META_FILE, CORE_FILE)
        .message("RuntimeClass",
            message("metadata", 1, OBJECT_META), string("handler", 2),
            message("overhead", 3, "Overhead"), message("scheduling", 4, "Scheduling"))
        .message("Overhead", messageMap("podFixed", 1, QUANTITY))
        .message("Scheduling",
            stringMap("nodeSelector", 1), repeatedMessage("tolerations", 2, CORE + "Toleration"));
  }

  private static ProtoFile autoscalingV2() {
    return ProtoFile.create("k8s.io/api/autoscaling/v2/generated.proto",
            "k8s.io.api.autoscaling.v2", RESOURCE_FILE, META_FILE)
        .message("HorizontalPodAutoscaler",
            message("metadata", 1, OBJECT_META), message("spec", 2, "HorizontalPodAutoscalerSpec"),
            message("status", 3, "HorizontalPodAutoscalerStatus"))
        .message("HorizontalPodAutoscalerSpec",
            message("scaleTargetRef", 1, "CrossVersionObjectReference"), int32("minReplicas", 2),
            int32("maxReplicas", 3), repeatedMessage("metrics", 4, "MetricSpec"),
            message("behavior", 5, "HorizontalPodAutoscalerBehavior"))
        .message("CrossVersionObjectReference",
            string("kind", 1), string("name", 2), string("apiVersion", 3))
        .message("HorizontalPodAutoscalerBehavior",
            message("scaleUp", 1, "HPAScalingRules"), message("scaleDown", 2, "HPAScalingRules"))
        .message("HPAScalingRules",
            int32("stabilizationWindowSeconds", 3), string("selectPolicy", 1),
            repeatedMessage("policies", 2, "HPAScalingPolicy"))
        .message("HPAScalingPolicy", string("type", 1), int32("value", 2), int32("periodSeconds", 3))
        .message("MetricSpec",
            string("type", 1), message("object", 2, "ObjectMetricSource"),
            message("pods", 3, "PodsMetricSource"), message("resource", 4, "ResourceMetricSource"),
            message("containerResource", 7, "ContainerResourceMetricSource"),
            message("external", 5, "ExternalMetricSource"))
        .message("MetricIdentifier", string("name", 1), message("selector", 2, LABEL_SELECTOR))
        .message("MetricTarget",
            string("type", 1), message("value", 2, QUANTITY), message("averageValue", 3, QUANTITY),
            int32("averageUtilization", 4))
        .message("ObjectMetricSource",
            message("describedObject", 1, "CrossVersionObjectReference"),
            message("target", 2, "MetricTarget"), message("metric", 3, "MetricIdentifier"))
        .message("PodsMetricSource",
            message("metric", 1, "MetricIdentifier"), message("target", 2, "MetricTarget"))
        .message("ResourceMetricSource", string("name", 1), message("target", 2, "MetricTarget"))
        .message("ContainerResourceMetricSource",
            string("name", 1), message("target", 2, "MetricTarget"), string("container", 3))
        .message("ExternalMetricSource",
            message("metric", 1, "MetricIdentifier"), message("target", 2, "MetricTarget"))
        .message("HorizontalPodAutoscalerStatus",
            int64("observedGeneration", 1), message("lastScaleTime", 2, TIME),
            int32("currentReplicas", 3), int32("desiredReplicas", 4),
            repeatedMessage("currentMetrics", 5, "MetricStatus"),
            repeatedMessage("conditions", 6, "HorizontalPodAutoscalerCondition"))
        .message("HorizontalPodAutoscalerCondition",
            string("type", 1), string("status", 2), message("lastTransitionTime", 3, TIME),
            string("reason", 4), string("message", 5))
        .message("MetricStatus",
            string("type", 1), message("object", 2, "ObjectMetricStatus"),
            message("pods", 3, "PodsMetricStatus"), message("resource", 4, "ResourceMetricStatus"),
            message("containerResource", 7, "ContainerResourceMetricStatus"),
            message("external", 5, "ExternalMetricStatus"))
        .message("MetricValueStatus",
            message("value", 1, QUANTITY), message("averageValue", 2, QUANTITY),
            int32("averageUtilization", 3))
        .message("ObjectMetricStatus",
            message("metric", 1, "MetricIdentifier"), message("current", 2, "MetricValueStatus"),
            message("describedObject", 3, "CrossVersionObjectReference"))
        .message("PodsMetricStatus",
            message("metric", 1, "MetricIdentifier"), message("current", 2, "MetricValueStatus"))
        .message("ResourceMetricStatus",
            string("name", 1), message("current", 2, "MetricValueStatus"))
        .message("ContainerResourceMetricStatus",
            string("name", 1), message("current", 2, "MetricValueStatus"), string("container", 3))
        .message("ExternalMetricStatus",
            message("metric", 1, "MetricIdentifier"), message("current", 2, "MetricValueStatus"));
  }
}
