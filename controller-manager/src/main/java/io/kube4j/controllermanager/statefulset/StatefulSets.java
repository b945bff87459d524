package io.kube4j.controllermanager.statefulset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.kube4j.controllermanager.controller.ControllerRefs;
import io.kube4j.controllermanager.controller.DeepCopy;
import io.kube4j.controllermanager.controller.PodControl;
import io.kube4j.controllermanager.controller.PodStatuses;
import io.kube4j.controllermanager.history.ControllerRevisions;
import io.kube4j.controllermanager.history.TemplatePatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A StatefulSet's pods, claims and revisions ({@code stateful_set_utils.go}). */
final class StatefulSets {

  /** {@code StatefulSetPodNameLabel}: lets a Service select one pod of the set. */
  static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  /** {@code PodIndexLabel}. */
  static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  /** {@code ControllerRevisionHashLabelKey}: the name of the revision a pod was made from. */
  static final String CONTROLLER_REVISION_HASH_LABEL = "controller-revision-hash";

  /** {@code statefulPodRegex}: the parent's name and the ordinal, from {@code web-12}. */
  private static final Pattern STATEFUL_POD = Pattern.compile("(.*)-([0-9]+)$");

  private StatefulSets() {}

  /** The ordinal of a pod's name, -1 if it has none. */
  static int ordinal(Pod pod) {
    Matcher m = STATEFUL_POD.matcher(pod.getMetadata().getName());
    if (!m.matches()) {
      return -1;
    }
    try {
      return Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String parentName(Pod pod) {
    Matcher m = STATEFUL_POD.matcher(pod.getMetadata().getName());
    return m.matches() ? m.group(1) : "";
  }

  static String podName(StatefulSet set, int ordinal) {
    return set.getMetadata().getName() + "-" + ordinal;
  }

  /** {@code getPersistentVolumeClaimName}: {@code <claim>-<set>-<ordinal>}, e.g. {@code www-web-0}. */
  static String claimName(StatefulSet set, PersistentVolumeClaim claim, int ordinal) {
    return claim.getMetadata().getName() + "-" + set.getMetadata().getName() + "-" + ordinal;
  }

  /** {@code getStartOrdinal}: {@code spec.ordinals.start}, or 0. */
  static int startOrdinal(StatefulSet set) {
    return set.getSpec().getOrdinals() == null || set.getSpec().getOrdinals().getStart() == null ? 0
        : set.getSpec().getOrdinals().getStart();
  }

  /** {@code getEndOrdinal}: the last ordinal in range; start - 1 for zero replicas. */
  static int endOrdinal(StatefulSet set) {
    return startOrdinal(set) + replicas(set) - 1;
  }

  static int replicas(StatefulSet set) {
    return set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
  }

  static boolean inOrdinalRange(Pod pod, StatefulSet set) {
    int o = ordinal(pod);
    return o >= startOrdinal(set) && o <= endOrdinal(set);
  }

  static boolean isMemberOf(StatefulSet set, Pod pod) {
    return parentName(pod).equals(set.getMetadata().getName());
  }

  /** {@code identityMatches}: name, namespace and pod-name label as the set and ordinal say. */
  static boolean identityMatches(StatefulSet set, Pod pod) {
    int o = ordinal(pod);
    return o >= 0 && set.getMetadata().getName().equals(parentName(pod)) && pod.getMetadata().getName().equals(podName(set, o))
        && set.getMetadata().getNamespace().equals(pod.getMetadata().getNamespace())
        && pod.getMetadata().getName().equals(label(pod, POD_NAME_LABEL));
  }

  /** {@code updateIdentity} (on a copy). */
  static void updateIdentity(StatefulSet set, Pod pod) {
    int o = ordinal(pod);
    pod.getMetadata().setName(podName(set, o));
    pod.getMetadata().setNamespace(set.getMetadata().getNamespace());
    Map<String, String> labels = labels(pod);
    labels.put(POD_NAME_LABEL, pod.getMetadata().getName());
    labels.put(POD_INDEX_LABEL, Integer.toString(o));
    pod.getMetadata().setLabels(labels);
  }

  /** {@code initIdentity}: also hostname = pod name and subdomain = the governing Service. */
  static void initIdentity(StatefulSet set, Pod pod) {
    updateIdentity(set, pod);
    pod.getSpec().setHostname(pod.getMetadata().getName());
    String service = set.getSpec().getServiceName();
    if (service != null && !service.isEmpty()) {
      pod.getSpec().setSubdomain(service);
    }
  }

  /** {@code getPersistentVolumeClaims}: the claims a pod needs, by template name, labelled with the set's selector labels. */
  static Map<String, PersistentVolumeClaim> claims(StatefulSet set, Pod pod) {
    int o = ordinal(pod);
    Map<String, PersistentVolumeClaim> claims = new LinkedHashMap<>();
    if (set.getSpec().getVolumeClaimTemplates() == null) {
      return claims;
    }
    for (PersistentVolumeClaim template : set.getSpec().getVolumeClaimTemplates()) {
      PersistentVolumeClaim claim = DeepCopy.of(template);
      claim.getMetadata().setName(claimName(set, template, o));
      claim.getMetadata().setNamespace(set.getMetadata().getNamespace());
      Map<String, String> labels = claim.getMetadata().getLabels() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(claim.getMetadata().getLabels());
      if (set.getSpec().getSelector().getMatchLabels() != null) {
        labels.putAll(set.getSpec().getSelector().getMatchLabels());
      }
      claim.getMetadata().setLabels(labels);
      claim.setStatus(null);
      claims.put(template.getMetadata().getName(), claim);
    }
    return claims;
  }

  /** {@code storageMatches}: each claim template is mounted from this pod's own claim. */
  static boolean storageMatches(StatefulSet set, Pod pod) {
    int o = ordinal(pod);
    if (o < 0) {
      return false;
    }
    List<Volume> volumes = pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
    for (PersistentVolumeClaim claim : templates(set)) {
      Volume v = volumes.stream().filter(x -> x.getName().equals(claim.getMetadata().getName())).findFirst().orElse(null);
      if (v == null || v.getPersistentVolumeClaim() == null
          || !claimName(set, claim, o).equals(v.getPersistentVolumeClaim().getClaimName())) {
        return false;
      }
    }
    return true;
  }

  /** {@code updateStorage} (on a copy): a volume per claim template, replacing any of the same name. */
  static void updateStorage(StatefulSet set, Pod pod) {
    Map<String, PersistentVolumeClaim> claims = claims(set, pod);
    if (claims.isEmpty()) {
      return;
    }
    List<Volume> next = new ArrayList<>();
    claims.forEach((name, claim) -> next.add(new VolumeBuilder().withName(name).withNewPersistentVolumeClaim()
        .withClaimName(claim.getMetadata().getName()).withReadOnly(false).endPersistentVolumeClaim().build()));
    if (pod.getSpec().getVolumes() != null) {
      pod.getSpec().getVolumes().stream().filter(v -> !claims.containsKey(v.getName())).forEach(next::add);
    }
    pod.getSpec().setVolumes(next);
  }

  /** {@code newStatefulSetPod}: the template's pod with its identity and storage. */
  static Pod newPod(StatefulSet set, int ordinal) {
    Pod pod = PodControl.podFromTemplate(set.getSpec().getTemplate(), set.getMetadata().getName(),
        ControllerRefs.newControllerRef(set, "apps/v1", "StatefulSet"));
    pod.getMetadata().setGenerateName(null);
    pod.getMetadata().setName(podName(set, ordinal));
    initIdentity(set, pod);
    updateStorage(set, pod);
    return pod;
  }

  /**
   * {@code newVersionedStatefulSetPod}: a missing pod below the partition is recreated at the
   * current revision (a partitioned update must not touch it), any other at the update revision.
   */
  static Pod newVersionedPod(StatefulSet currentSet, StatefulSet updateSet, String currentRevision,
      String updateRevision, int ordinal, int currentReplicas) {
    var us = currentSet.getSpec().getUpdateStrategy();
    boolean rolling = us != null && "RollingUpdate".equals(us.getType());
    boolean belowPartition = rolling && (us.getRollingUpdate() == null
        ? ordinal < startOrdinal(currentSet) + currentReplicas
        : ordinal < startOrdinal(currentSet) + partition(currentSet));
    Pod pod = newPod(belowPartition ? currentSet : updateSet, ordinal);
    labels(pod).put(CONTROLLER_REVISION_HASH_LABEL, belowPartition ? currentRevision : updateRevision);
    return pod;
  }

  static int partition(StatefulSet set) {
    var us = set.getSpec().getUpdateStrategy();
    return us == null || us.getRollingUpdate() == null || us.getRollingUpdate().getPartition() == null ? 0
        : us.getRollingUpdate().getPartition();
  }

  /** {@code getPodRevision}. */
  static String podRevision(Pod pod) {
    String r = label(pod, CONTROLLER_REVISION_HASH_LABEL);
    return r == null ? "" : r;
  }

  /** {@code newRevision}: the revision recording the set's current template, annotated as the set is. */
  static ControllerRevision newRevision(StatefulSet set, long revision, int collisionCount) {
    ControllerRevision cr = ControllerRevisions.newRevision(set, "apps/v1", "StatefulSet",
        set.getSpec().getTemplate().getMetadata().getLabels(), TemplatePatch.of(set.getSpec().getTemplate()),
        revision, collisionCount);
    if (set.getMetadata().getAnnotations() != null) {
      Map<String, String> ann = new LinkedHashMap<>(set.getMetadata().getAnnotations());
      cr.getMetadata().setAnnotations(ann);
    }
    return cr;
  }

  /** {@code ApplyRevision}: a copy of the set with the revision's template. */
  static StatefulSet applyRevision(StatefulSet set, ControllerRevision revision) {
    StatefulSet clone = DeepCopy.of(set);
    clone.getSpec().setTemplate(TemplatePatch.templateOf(revision.getData()));
    return clone;
  }

  /** {@code nextRevision}: one past the last of the sorted revisions, 1 for the first. */
  static long nextRevision(List<ControllerRevision> sorted) {
    return sorted.isEmpty() ? 1 : sorted.get(sorted.size() - 1).getRevision() + 1;
  }

  static boolean isCreated(Pod pod) {
    return !PodStatuses.phase(pod).isEmpty();
  }

  static boolean isTerminating(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  static boolean isRunningAndReady(Pod pod) {
    return "Running".equals(PodStatuses.phase(pod)) && PodStatuses.isReady(pod);
  }

  static boolean isRunningAndAvailable(Pod pod, int minReadySeconds, Instant now) {
    return "Running".equals(PodStatuses.phase(pod)) && PodStatuses.isAvailable(pod, minReadySeconds, now);
  }

  /** {@code isUnavailable}: not running and available, or terminating. */
  static boolean isUnavailable(Pod pod, int minReadySeconds, Instant now) {
    return !isRunningAndAvailable(pod, minReadySeconds, now) || isTerminating(pod);
  }

  static boolean allowsBurst(StatefulSet set) {
    return "Parallel".equals(set.getSpec().getPodManagementPolicy());
  }

  static int minReadySeconds(StatefulSet set) {
    return set.getSpec().getMinReadySeconds() == null ? 0 : set.getSpec().getMinReadySeconds();
  }

  static List<PersistentVolumeClaim> templates(StatefulSet set) {
    return set.getSpec().getVolumeClaimTemplates() == null ? List.of() : set.getSpec().getVolumeClaimTemplates();
  }

  /** {@code descendingOrdinal}. */
  static final Comparator<Pod> DESCENDING_ORDINAL = Comparator.comparingInt(StatefulSets::ordinal).reversed();

  static String label(HasMetadata obj, String key) {
    return obj.getMetadata().getLabels() == null ? null : obj.getMetadata().getLabels().get(key);
  }

  /** The object's labels as a mutable map set on it (the object must be a copy). */
  static Map<String, String> labels(HasMetadata obj) {
    Map<String, String> l = obj.getMetadata().getLabels() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(obj.getMetadata().getLabels());
    obj.getMetadata().setLabels(l);
    return l;
  }
}
