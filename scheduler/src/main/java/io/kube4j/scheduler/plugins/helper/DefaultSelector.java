package io.kube4j.scheduler.plugins.helper;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.kube4j.componentbase.labels.LabelSelectors;
import io.kube4j.scheduler.framework.Listers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Upstream's {@code helper.DefaultSelector}: the pods that belong with this one, for spreading them
 * when the pod says nothing itself. It ANDs the selectors of the Services in the pod's namespace that
 * select the pod, and of its controller if that is a ReplicationController, ReplicaSet or
 * StatefulSet. Worked example: Service {@code app=web} and ReplicaSet owner selecting
 * {@code app=web, pod-template-hash=abc} give {@code app=web, pod-template-hash in (abc)}.
 * An empty result (no service, no such owner) means "no siblings": no default spreading.
 */
public final class DefaultSelector {

  private DefaultSelector() {}

  public static LabelSelector of(Pod pod, Listers listers) {
    String ns = pod.getMetadata().getNamespace();
    Map<String, String> labelSet = new TreeMap<>();
    for (Service s : listers.list(Service.class, ns)) {
      Map<String, String> sel = s.getSpec() == null ? null : s.getSpec().getSelector();
      // a Service without a selector selects no pod (its endpoints are managed by hand)
      if (sel != null && LabelSelectors.matches(sel, pod.getMetadata().getLabels())) {
        labelSet.putAll(sel);
      }
    }
    List<LabelSelectorRequirement> requirements = new ArrayList<>();
    Optional<OwnerReference> owner = controllerOf(pod);
    if (owner.isPresent()) {
      String gvk = owner.get().getApiVersion() + "/" + owner.get().getKind();
      String name = owner.get().getName();
      switch (gvk) {
        case "v1/ReplicationController" -> listers.get(ReplicationController.class, ns, name)
            .map(rc -> rc.getSpec().getSelector()).ifPresent(labelSet::putAll);
        case "apps/v1/ReplicaSet" -> listers.get(ReplicaSet.class, ns, name)
            .ifPresent(rs -> requirements.addAll(asRequirements(rs.getSpec().getSelector())));
        case "apps/v1/StatefulSet" -> listers.get(StatefulSet.class, ns, name)
            .ifPresent(ss -> requirements.addAll(asRequirements(ss.getSpec().getSelector())));
        default -> { }
      }
    }
    return new LabelSelector(requirements, labelSet);
  }

  /** {@code metav1.GetControllerOf}: the owner reference with {@code controller: true}. */
  public static Optional<OwnerReference> controllerOf(Pod pod) {
    List<OwnerReference> refs = pod.getMetadata().getOwnerReferences();
    return refs == null ? Optional.empty()
        : refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** A selector as requirements, so it can be ANDed with others ({@code selector.Add(r...)}). */
  private static List<LabelSelectorRequirement> asRequirements(LabelSelector s) {
    List<LabelSelectorRequirement> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    if (s.getMatchLabels() != null) {
      new TreeMap<>(s.getMatchLabels()).forEach((k, v) -> out.add(new LabelSelectorRequirementBuilder()
          .withKey(k).withOperator("In").withValues(v).build()));
    }
    if (s.getMatchExpressions() != null) {
      out.addAll(s.getMatchExpressions());
    }
    return out;
  }
}
