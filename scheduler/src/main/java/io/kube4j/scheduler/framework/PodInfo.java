package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.util.List;

/**
 * A pod with its inter-pod affinity terms parsed (upstream's {@code framework.PodInfo}): required and
 * preferred affinity and anti-affinity, each a list of {@link AffinityTerm}.
 */
public record PodInfo(Pod pod, List<AffinityTerm> requiredAffinityTerms, List<AffinityTerm> requiredAntiAffinityTerms,
    List<AffinityTerm.Weighted> preferredAffinityTerms, List<AffinityTerm.Weighted> preferredAntiAffinityTerms) {

  public PodInfo {
    requiredAffinityTerms = List.copyOf(requiredAffinityTerms);
    requiredAntiAffinityTerms = List.copyOf(requiredAntiAffinityTerms);
    preferredAffinityTerms = List.copyOf(preferredAffinityTerms);
    preferredAntiAffinityTerms = List.copyOf(preferredAntiAffinityTerms);
  }

  public static PodInfo of(Pod pod) {
    Affinity a = pod.getSpec().getAffinity();
    var aff = a == null ? null : a.getPodAffinity();
    var anti = a == null ? null : a.getPodAntiAffinity();
    return new PodInfo(pod,
        required(pod, aff == null ? null : aff.getRequiredDuringSchedulingIgnoredDuringExecution()),
        required(pod, anti == null ? null : anti.getRequiredDuringSchedulingIgnoredDuringExecution()),
        preferred(pod, aff == null ? null : aff.getPreferredDuringSchedulingIgnoredDuringExecution()),
        preferred(pod, anti == null ? null : anti.getPreferredDuringSchedulingIgnoredDuringExecution()));
  }

  /** Whether the pod has any pod affinity or anti-affinity (upstream's {@code PodsWithAffinity}). */
  public static boolean hasAffinity(Pod pod) {
    Affinity a = pod.getSpec().getAffinity();
    return a != null && (a.getPodAffinity() != null || a.getPodAntiAffinity() != null);
  }

  /** Whether the pod has required anti-affinity ({@code PodsWithRequiredAntiAffinity}). */
  public static boolean hasRequiredAntiAffinity(Pod pod) {
    Affinity a = pod.getSpec().getAffinity();
    return a != null && a.getPodAntiAffinity() != null
        && a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null
        && !a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().isEmpty();
  }

  private static List<AffinityTerm> required(Pod pod, List<PodAffinityTerm> terms) {
    return terms == null ? List.of() : terms.stream().map(t -> AffinityTerm.of(pod, t)).toList();
  }

  private static List<AffinityTerm.Weighted> preferred(Pod pod, List<WeightedPodAffinityTerm> terms) {
    return terms == null ? List.of() : terms.stream()
        .map(t -> new AffinityTerm.Weighted(AffinityTerm.of(pod, t.getPodAffinityTerm()), t.getWeight())).toList();
  }
}
