package io.kube4j.apiserver.registry.core.pod;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.GracefulDeleteStrategy;
import io.kube4j.apiserver.registry.generic.StatusStrategy;
import io.kube4j.apiserver.registry.generic.Generation;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.core.PodValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How pods are created and updated ({@code podStrategy}): a new pod starts {@code Pending} with its QoS
 * class computed, a pod gated by {@code schedulingGates} gets a {@code PodScheduled=False} condition, and
 * writes to the main resource keep the status, which only {@code pods/status} may change.
 */
public final class PodStrategy implements Strategy<Pod>, GracefulDeleteStrategy<Pod> {

  /**
   * {@code podStrategy.CheckGracefulDelete}: the requested grace period, else the pod's
   * {@code terminationGracePeriodSeconds}; zero for a pod never scheduled or already finished,
   * since no kubelet has anything to stop.
   */
  @Override
  public long gracePeriodSeconds(Pod pod, OptionalLong requested) {
    long grace = requested.isPresent() ? requested.getAsLong()
        : pod.getSpec() != null && pod.getSpec().getTerminationGracePeriodSeconds() != null
            ? pod.getSpec().getTerminationGracePeriodSeconds() : 30;
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if (node == null || node.isEmpty() || "Succeeded".equals(phase) || "Failed".equals(phase)) {
      return 0;
    }
    return Math.max(grace, 0);
  }

  /** DELETE answers with the pod ({@code ReturnDeletedObject} in the pod store). */
  @Override
  public boolean returnDeletedObject() {
    return true;
  }

  static final String SCHEDULING_GATED_MESSAGE = "Scheduling is blocked due to non-empty scheduling gates";

  @Override
  public void applyDefaults(Pod pod) {
    PodDefaults.applyPodDefaults(pod);
  }

  @Override
  public void prepareForCreate(Pod pod) {
    meta(pod).setGeneration(1L);
    PodStatus status = new PodStatus();
    status.setPhase("Pending");
    status.setQosClass(PodQOS.computePodQOS(pod));
    pod.setStatus(status);
    applySchedulingGatedCondition(pod);
  }

  @Override
  public void prepareForUpdate(Pod pod, Pod old) {
    pod.setStatus(old.getStatus());
    Generation.advance(pod, old, !Objects.equals(pod.getSpec(), old.getSpec()));
  }

  @Override
  public List<FieldError> validate(Pod pod) {
    return PodValidation.validatePodCreate(pod);
  }

  @Override
  public List<FieldError> validateUpdate(Pod pod, Pod old) {
    return PodValidation.validatePodUpdate(pod, old);
  }

  /** {@code ToSelectableFields}: booleans as {@code "true"}/{@code "false"}, the first pod IP. */
  @Override
  public Map<String, String> selectableFields(Pod pod) {
    Map<String, String> fields = new LinkedHashMap<>();
    var spec = pod.getSpec();
    var status = pod.getStatus();
    fields.put("spec.nodeName", nz(spec == null ? null : spec.getNodeName()));
    fields.put("spec.restartPolicy", nz(spec == null ? null : spec.getRestartPolicy()));
    fields.put("spec.schedulerName", nz(spec == null ? null : spec.getSchedulerName()));
    fields.put("spec.serviceAccountName", nz(spec == null ? null : spec.getServiceAccountName()));
    fields.put("spec.hostNetwork", String.valueOf(spec != null && Boolean.TRUE.equals(spec.getHostNetwork())));
    fields.put("status.phase", nz(status == null ? null : status.getPhase()));
    String podIP = status != null && status.getPodIPs() != null && !status.getPodIPs().isEmpty()
        ? nz(status.getPodIPs().get(0).getIp()) : "";
    fields.put("status.podIP", podIP);
    fields.put("status.nominatedNodeName", nz(status == null ? null : status.getNominatedNodeName()));
    return fields;
  }

  @Override
  public Optional<StatusStrategy<Pod>> statusStrategy() {
    return Optional.of(new PodStatusStrategy());
  }

  /** {@code podStatusStrategy}: the kubelet reports status; spec and owner references stay as stored. */
  static final class PodStatusStrategy implements StatusStrategy<Pod> {

    @Override
    public void prepareForUpdate(Pod pod, Pod old) {
      pod.setSpec(old.getSpec());
      meta(pod).setDeletionTimestamp(old.getMetadata().getDeletionTimestamp());
      meta(pod).setOwnerReferences(old.getMetadata().getOwnerReferences());
      if (pod.getStatus() == null) {
        pod.setStatus(new PodStatus());
      }
      // QoS is immutable; old kubelets dropped it when rejecting a pod, so it is backfilled
      if (nz(pod.getStatus().getQosClass()).isEmpty() && old.getStatus() != null) {
        pod.getStatus().setQosClass(old.getStatus().getQosClass());
      }
    }

    @Override
    public List<FieldError> validateUpdate(Pod pod, Pod old) {
      return PodValidation.validatePodStatusUpdate(pod, old);
    }
  }

  private static void applySchedulingGatedCondition(Pod pod) {
    if (pod.getSpec().getSchedulingGates() == null || pod.getSpec().getSchedulingGates().isEmpty()) {
      return;
    }
    List<io.fabric8.kubernetes.api.model.PodCondition> conditions = new ArrayList<>();
    if (pod.getStatus().getConditions() != null) {
      conditions.addAll(pod.getStatus().getConditions());
    }
    if (conditions.stream().anyMatch(c -> "PodScheduled".equals(c.getType()))) {
      return;
    }
    conditions.add(new PodConditionBuilder().withType("PodScheduled").withStatus("False")
        .withReason("SchedulingGated").withMessage(SCHEDULING_GATED_MESSAGE).build());
    pod.getStatus().setConditions(conditions);
  }

  private static ObjectMeta meta(Pod pod) {
    if (pod.getMetadata() == null) {
      pod.setMetadata(new ObjectMeta());
    }
    return pod.getMetadata();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
