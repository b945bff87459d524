package io.kube4j.controllermanager.endpointslice.util;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.kube4j.controllermanager.controller.Keys;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which Services a pod event concerns ({@code GetPodServiceMemberships},
 * {@code GetServicesToUpdateOnPodChange} upstream): those whose selector matches the pod's labels,
 * before or after the change. A Service without a selector matches nothing (its endpoints are
 * written by hand), not everything.
 */
public final class PodServiceMemberships {

  private final Function<String, List<Service>> servicesInNamespace;

  /** @param servicesInNamespace the Services of a namespace, from the informer cache */
  public PodServiceMemberships(Function<String, List<Service>> servicesInNamespace) {
    this.servicesInNamespace = servicesInNamespace;
  }

  /** The keys of the Services selecting {@code pod}: queued when it is added or deleted. */
  public Set<String> of(Pod pod) {
    return matching(pod.getMetadata().getNamespace(), pod.getMetadata().getLabels());
  }

  /**
   * The keys of the Services an update of a pod concerns. Nothing when nothing an endpoint shows
   * changed (readiness, IPs, deletion, labels, hostname); when only labels changed, the Services
   * that gained or lost the pod; when both, every Service that selects it before or after.
   */
  public Set<String> onUpdate(Pod old, Pod cur) {
    if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
      return Set.of();
    }
    boolean labelsChanged = !Objects.equals(labels(old), labels(cur)) || !sameHostnameAndSubdomain(old, cur);
    boolean podChanged = endpointChanged(old, cur);
    if (!labelsChanged) {
      return podChanged ? of(cur) : Set.of();
    }
    Set<String> before = matching(old.getMetadata().getNamespace(), old.getMetadata().getLabels());
    Set<String> after = of(cur);
    Set<String> result = new TreeSet<>(after);
    if (podChanged) {
      result.addAll(before);
    } else {
      // only membership changed: the symmetric difference
      result.removeAll(before);
      before.stream().filter(k -> !after.contains(k)).forEach(result::add);
    }
    return result;
  }

  /** Whether a selector ({@code spec.selector}, equality-based) matches a set of labels. */
  public static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    Map<String, String> have = labels == null ? Map.of() : labels;
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
  }

  private Set<String> matching(String namespace, Map<String, String> labels) {
    Set<String> keys = new TreeSet<>();
    for (Service s : servicesInNamespace.apply(namespace)) {
      Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
      if (selector != null && !selector.isEmpty() && selects(selector, labels)) {
        keys.add(Keys.of(s));
      }
    }
    return keys;
  }

  /** {@code podEndpointsChanged}: deletion started, readiness flipped, or the IPs changed. */
  private static boolean endpointChanged(Pod old, Pod cur) {
    return !Objects.equals(old.getMetadata().getDeletionTimestamp(), cur.getMetadata().getDeletionTimestamp())
        || PodEndpoints.isPodReady(old) != PodEndpoints.isPodReady(cur)
        || !PodEndpoints.podIPs(old).equals(PodEndpoints.podIPs(cur));
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }

  private static boolean sameHostnameAndSubdomain(Pod a, Pod b) {
    return Objects.equals(a.getSpec() == null ? null : a.getSpec().getHostname(),
        b.getSpec() == null ? null : b.getSpec().getHostname())
        && Objects.equals(a.getSpec() == null ? null : a.getSpec().getSubdomain(),
        b.getSpec() == null ? null : b.getSpec().getSubdomain());
  }
}
