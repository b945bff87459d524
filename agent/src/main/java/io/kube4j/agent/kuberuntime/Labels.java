package io.kube4j.agent.kuberuntime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels and annotations kubelet puts on sandboxes and containers, after {@code labels.go}.
 * Labels tie what the runtime runs to the pod (by uid, which survives a pod being recreated under
 * the same name); annotations carry what kubelet needs to read back after a restart (restart count,
 * termination message path, the spec hash that tells whether the container must be replaced).
 */
public final class Labels {

  public static final String POD_NAME = "io.kubernetes.pod.name";
  public static final String POD_NAMESPACE = "io.kubernetes.pod.namespace";
  public static final String POD_UID = "io.kubernetes.pod.uid";
  public static final String CONTAINER_NAME = "io.kubernetes.container.name";

  public static final String POD_DELETION_GRACE_PERIOD = "io.kubernetes.pod.deletionGracePeriod";
  public static final String POD_TERMINATION_GRACE_PERIOD = "io.kubernetes.pod.terminationGracePeriod";
  public static final String CONTAINER_HASH = "io.kubernetes.container.hash";
  public static final String CONTAINER_RESTART_COUNT = "io.kubernetes.container.restartCount";
  public static final String CONTAINER_TERMINATION_MESSAGE_PATH = "io.kubernetes.container.terminationMessagePath";
  public static final String CONTAINER_TERMINATION_MESSAGE_POLICY = "io.kubernetes.container.terminationMessagePolicy";
  public static final String CONTAINER_PRE_STOP_HANDLER = "io.kubernetes.container.preStopHandler";
  public static final String CONTAINER_PORTS = "io.kubernetes.container.ports";
  public static final String CONTAINER_TYPE = "io.kubernetes.container.type";

  /** Values of {@link #CONTAINER_TYPE}. */
  public static final String TYPE_INIT = "init";
  public static final String TYPE_CONTAINER = "container";
  public static final String TYPE_EPHEMERAL = "ephemeral";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Labels() {}

  /** The pod's own labels plus name, namespace and uid (which win over pod labels of the same key). */
  public static Map<String, String> newPodLabels(Pod pod) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (pod.getMetadata().getLabels() != null) {
      labels.putAll(pod.getMetadata().getLabels());
    }
    labels.put(POD_NAME, pod.getMetadata().getName());
    labels.put(POD_NAMESPACE, pod.getMetadata().getNamespace());
    labels.put(POD_UID, pod.getMetadata().getUid());
    return labels;
  }

  public static Map<String, String> newPodAnnotations(Pod pod) {
    return pod.getMetadata().getAnnotations() == null ? Map.of() : pod.getMetadata().getAnnotations();
  }

  /** Only identity: pod labels are not copied onto containers. */
  public static Map<String, String> newContainerLabels(Container container, Pod pod) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(POD_NAME, pod.getMetadata().getName());
    labels.put(POD_NAMESPACE, pod.getMetadata().getNamespace());
    labels.put(POD_UID, pod.getMetadata().getUid());
    labels.put(CONTAINER_NAME, container.getName());
    return labels;
  }

  public static Map<String, String> newContainerAnnotations(Container container, Pod pod, int restartCount) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put(CONTAINER_HASH, Long.toHexString(hashContainer(container)));
    a.put(CONTAINER_RESTART_COUNT, Integer.toString(restartCount));
    a.put(CONTAINER_TERMINATION_MESSAGE_PATH, orEmpty(container.getTerminationMessagePath()));
    a.put(CONTAINER_TERMINATION_MESSAGE_POLICY, orEmpty(container.getTerminationMessagePolicy()));
    if (pod.getMetadata().getDeletionGracePeriodSeconds() != null) {
      a.put(POD_DELETION_GRACE_PERIOD, pod.getMetadata().getDeletionGracePeriodSeconds().toString());
    }
    if (pod.getSpec().getTerminationGracePeriodSeconds() != null) {
      a.put(POD_TERMINATION_GRACE_PERIOD, pod.getSpec().getTerminationGracePeriodSeconds().toString());
    }
    if (container.getLifecycle() != null && container.getLifecycle().getPreStop() != null) {
      a.put(CONTAINER_PRE_STOP_HANDLER, json(container.getLifecycle().getPreStop()));
    }
    if (container.getPorts() != null && !container.getPorts().isEmpty()) {
      a.put(CONTAINER_PORTS, json(container.getPorts()));
    }
    String type = containerType(pod, container.getName());
    if (type != null) {
      a.put(CONTAINER_TYPE, type);
    }
    return a;
  }

  private static String containerType(Pod pod, String name) {
    if (pod.getSpec().getInitContainers() != null
        && pod.getSpec().getInitContainers().stream().anyMatch(c -> name.equals(c.getName()))) {
      return TYPE_INIT;
    }
    if (pod.getSpec().getContainers().stream().anyMatch(c -> name.equals(c.getName()))) {
      return TYPE_CONTAINER;
    }
    if (pod.getSpec().getEphemeralContainers() != null
        && pod.getSpec().getEphemeralContainers().stream().anyMatch(c -> name.equals(c.getName()))) {
      return TYPE_EPHEMERAL;
    }
    return null;
  }

  /**
   * A 32-bit FNV-1a hash of the container spec's JSON: it changes when the spec changes, which is
   * how a restarted agent tells a container to keep from one to replace. Kubelet hashes a Go dump
   * of the same spec, so the values differ from kubelet's (they are only compared with each other).
   */
  public static long hashContainer(Container container) {
    byte[] bytes = json(container).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int hash = 0x811c9dc5;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return Integer.toUnsignedLong(hash);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
