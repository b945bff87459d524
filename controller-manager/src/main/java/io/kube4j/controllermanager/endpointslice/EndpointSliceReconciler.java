package io.kube4j.controllermanager.endpointslice;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllermanager.endpointslice.EndpointSlices.EndpointKey;
import io.kube4j.controllermanager.endpointslice.EndpointSlices.PortMapKey;
import io.kube4j.controllermanager.endpointslice.util.EndpointSliceTracker;
import io.kube4j.controllermanager.endpointslice.util.PodEndpoints;
import io.kube4j.controllermanager.endpointslice.util.TriggerTimeTracker;
import io.kube4j.controllermanager.endpointslice.util.WellKnown;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the EndpointSlices a Service has into those it should have ({@code Reconciler} of
 * {@code k8s.io/endpointslice}), changing as few slices as it can: endpoints stay in the slice they
 * are in, updated in place when their conditions change; new endpoints first fill slices that are
 * being written anyway, then the unchanged slice they fit in best, and only then new slices; a slice
 * left empty is deleted, or rather reused for a slice that would be created. A Service with no
 * endpoints still gets one empty placeholder slice, so consumers can tell "no endpoints" from "not
 * yet processed".
 *
 * <p>{@link #plan} computes the writes from the cached state; {@link #reconcile} makes them.
 */
final class EndpointSliceReconciler {

  /** The writes one sync makes, and the pods it had to leave out for now. */
  record Plan(List<EndpointSlice> toCreate, List<EndpointSlice> toUpdate, List<EndpointSlice> toDelete,
      List<String> errors) {

    static Plan empty() {
      return new Plan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    void add(Plan other) {
      toCreate.addAll(other.toCreate);
      toUpdate.addAll(other.toUpdate);
      toDelete.addAll(other.toDelete);
      errors.addAll(other.errors);
    }
  }

  private final KubernetesClient client;
  private final int maxEndpointsPerSlice;
  private final EndpointSliceTracker tracker;
  private final String controllerName;

  EndpointSliceReconciler(KubernetesClient client, int maxEndpointsPerSlice, EndpointSliceTracker tracker,
      String controllerName) {
    this.client = client;
    this.maxEndpointsPerSlice = maxEndpointsPerSlice;
    this.tracker = tracker;
    this.controllerName = controllerName;
  }

  /**
   * Writes what {@link #plan} says, then fails (so that the Service is retried) if pods had to be
   * left out. A failed write stops the sync; the retry starts over from the cache.
   */
  void reconcile(Service service, List<Pod> pods, List<EndpointSlice> existing, Function<String, Optional<Node>> nodes,
      Optional<Instant> triggerTime) {
    Plan plan = plan(service, pods, existing, nodes);
    String namespace = service.getMetadata().getNamespace();
    // no new slices for a Service being deleted: the garbage collector would race them
    if (service.getMetadata().getDeletionTimestamp() == null) {
      for (EndpointSlice slice : plan.toCreate()) {
        setTriggerTime(slice, triggerTime);
        try {
          tracker.update(client.resources(EndpointSlice.class).inNamespace(namespace).resource(slice).create());
        } catch (KubernetesClientException e) {
          if (e.getCode() == 403 && EndpointSliceController.namespaceTerminating(e)) {
            return; // creates will keep failing until the namespace is gone
          }
          throw e;
        }
      }
    }
    for (EndpointSlice slice : plan.toUpdate()) {
      setTriggerTime(slice, triggerTime);
      tracker.update(client.resources(EndpointSlice.class).inNamespace(namespace).resource(slice).update());
    }
    for (EndpointSlice slice : plan.toDelete()) {
      client.resources(EndpointSlice.class).inNamespace(namespace).withName(slice.getMetadata().getName()).delete();
      tracker.expectDeletion(slice);
    }
    if (!plan.errors().isEmpty()) {
      throw new IllegalStateException(String.join("; ", plan.errors()));
    }
  }

  /** The writes that bring {@code existing} (this controller's slices of the Service) in line. */
  Plan plan(Service service, List<Pod> pods, List<EndpointSlice> existing, Function<String, Optional<Node>> nodes) {
    Set<String> addressTypes = EndpointSlices.addressTypes(service);
    Map<String, List<EndpointSlice>> byAddressType = new HashMap<>();
    Plan plan = Plan.empty();
    for (EndpointSlice slice : existing) {
      if (addressTypes.contains(slice.getAddressType())) {
        byAddressType.computeIfAbsent(slice.getAddressType(), t -> new ArrayList<>()).add(slice);
      } else {
        plan.toDelete().add(slice); // a family the Service no longer has
      }
    }
    List<Pod> sorted = pods.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    for (String addressType : addressTypes) {
      plan.add(planByAddressType(service, sorted, byAddressType.getOrDefault(addressType, List.of()), nodes,
          addressType));
    }
    return plan;
  }

  /** {@code reconcileByAddressType}. */
  private Plan planByAddressType(Service service, List<Pod> pods, List<EndpointSlice> existing,
      Function<String, Optional<Node>> nodes, String addressType) {
    Plan plan = Plan.empty();
    Map<PortMapKey, List<EndpointSlice>> existingByPorts = new LinkedHashMap<>();
    for (EndpointSlice slice : existing) {
      if (EndpointSlices.ownedBy(slice, service)) {
        existingByPorts.computeIfAbsent(PortMapKey.of(slice.getPorts()), k -> new ArrayList<>()).add(slice);
      } else {
        plan.toDelete().add(slice); // left by an earlier Service of the same name
      }
    }
    Map<PortMapKey, List<EndpointPort>> desiredPorts = new LinkedHashMap<>();
    Map<PortMapKey, LinkedHashMap<EndpointKey, Endpoint>> desiredByPorts = new LinkedHashMap<>();
    boolean publishNotReady = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
    for (Pod pod : pods) {
      if (!PodEndpoints.shouldPodBeInEndpoints(pod, true)) {
        continue;
      }
      List<EndpointPort> ports = EndpointSlices.endpointPorts(service, pod);
      PortMapKey key = PortMapKey.of(ports);
      desiredPorts.putIfAbsent(key, ports);
      LinkedHashMap<EndpointKey, Endpoint> desired = desiredByPorts.computeIfAbsent(key, k -> new LinkedHashMap<>());
      String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      Optional<Node> node = nodeName == null || nodeName.isEmpty() ? Optional.empty() : nodes.apply(nodeName);
      if (node.isEmpty() && !publishNotReady) {
        // a pod bound to a Node that does not exist is left out, and the Service retried
        plan.errors().add("skipping Pod " + pod.getMetadata().getName() + " for Service "
            + service.getMetadata().getNamespace() + "/" + service.getMetadata().getName() + ": Node "
            + nodeName + " Not Found");
        continue;
      }
      Endpoint ep = EndpointSlices.podToEndpoint(pod, node, service, addressType);
      if (!ep.getAddresses().isEmpty()) {
        desired.put(EndpointKey.of(ep), ep);
      }
    }
    desiredByPorts.forEach((key, desired) -> plan.add(planByPortMapping(service,
        existingByPorts.getOrDefault(key, List.of()), desired, desiredPorts.get(key), addressType)));
    existingByPorts.forEach((key, slices) -> {
      if (!desiredByPorts.containsKey(key)) {
        plan.toDelete().addAll(slices); // a set of ports no pod offers any more
      }
    });
    if (existing.size() == plan.toDelete().size() && plan.toCreate().isEmpty()) {
      EndpointSlice placeholder = EndpointSlices.newEndpointSlice(service, List.of(), addressType, controllerName);
      if (plan.toDelete().size() == 1 && isPlaceholder(plan.toDelete().get(0), placeholder)) {
        plan.toDelete().clear(); // the placeholder is there already
      } else {
        plan.toCreate().add(placeholder);
      }
    }
    reuseDeletedSlices(service, plan);
    return plan;
  }

  /**
   * {@code reconcileByPortMapping}, for the slices sharing one set of ports:
   * <ol>
   *   <li>in each existing slice, keep the endpoints still desired (updated if their conditions
   *       changed), drop the others; a slice left empty is deleted;</li>
   *   <li>fill the slices being updated anyway with new endpoints, fullest first;</li>
   *   <li>put what remains in the unchanged slice it fits best (if less than a slice's worth), else
   *       in new slices.</li>
   * </ol>
   */
  private Plan planByPortMapping(Service service, List<EndpointSlice> existing,
      LinkedHashMap<EndpointKey, Endpoint> desired, List<EndpointPort> ports, String addressType) {
    Map<String, EndpointSlice> byName = new LinkedHashMap<>();
    Set<String> unchanged = new LinkedHashSet<>();
    Set<String> toUpdate = new LinkedHashSet<>();
    Set<String> toDelete = new LinkedHashSet<>();
    for (EndpointSlice slice : existing) {
      String name = slice.getMetadata().getName();
      byName.put(name, slice);
      List<Endpoint> kept = new ArrayList<>();
      boolean endpointUpdated = false;
      for (Endpoint ep : endpointsOf(slice)) {
        Endpoint want = desired.remove(EndpointKey.of(ep));
        if (want != null) {
          kept.add(want);
          endpointUpdated |= !EndpointSlices.equalBeyondKey(want, ep);
        }
      }
      EndpointSlices.Labels labels = EndpointSlices.labels(slice, service, controllerName);
      if (endpointUpdated || kept.size() != endpointsOf(slice).size()) {
        if (kept.isEmpty()) {
          toDelete.add(name);
        } else {
          EndpointSlice copy = copy(slice);
          copy.setEndpoints(kept);
          copy.getMetadata().setLabels(labels.labels());
          byName.put(name, copy);
          toUpdate.add(name);
        }
      } else if (labels.changed()) {
        EndpointSlice copy = copy(slice);
        copy.getMetadata().setLabels(labels.labels());
        byName.put(name, copy);
        toUpdate.add(name);
      } else {
        unchanged.add(name);
      }
    }
    Deque<Endpoint> remaining = new ArrayDeque<>(desired.values());
    if (!remaining.isEmpty() && !toUpdate.isEmpty()) {
      List<EndpointSlice> updating = new ArrayList<>(toUpdate.stream().map(byName::get).toList());
      updating.sort(Comparator.comparingInt((EndpointSlice s) -> s.getEndpoints().size()).reversed());
      for (EndpointSlice slice : updating) {
        fill(slice, remaining);
      }
    }
    List<EndpointSlice> toCreate = new ArrayList<>();
    while (!remaining.isEmpty()) {
      Optional<EndpointSlice> fit = Optional.empty();
      if (remaining.size() < maxEndpointsPerSlice && !unchanged.isEmpty()) {
        fit = EndpointSlices.sliceToFill(unchanged.stream().map(byName::get).toList(), remaining.size(),
            maxEndpointsPerSlice);
      }
      EndpointSlice slice = fit.map(EndpointSliceReconciler::copy)
          .orElseGet(() -> EndpointSlices.newEndpointSlice(service, ports, addressType, controllerName));
      fill(slice, remaining);
      String name = slice.getMetadata().getName();
      if (name != null) {
        byName.put(name, slice);
        toUpdate.add(name);
        unchanged.remove(name);
      } else {
        toCreate.add(slice);
      }
    }
    return new Plan(toCreate, new ArrayList<>(toUpdate.stream().map(byName::get).toList()),
        new ArrayList<>(toDelete.stream().map(byName::get).toList()), new ArrayList<>());
  }

  private void fill(EndpointSlice slice, Deque<Endpoint> remaining) {
    while (!remaining.isEmpty() && slice.getEndpoints().size() < maxEndpointsPerSlice) {
      slice.getEndpoints().add(remaining.poll());
    }
  }

  /**
   * The first half of {@code finalize}: rather than delete one slice and create another, update the
   * one to be deleted into the one to be created, when it is this Service's and of the same family.
   */
  private void reuseDeletedSlices(Service service, Plan plan) {
    Iterator<EndpointSlice> deletions = plan.toDelete().iterator();
    while (deletions.hasNext() && !plan.toCreate().isEmpty()) {
      EndpointSlice old = deletions.next();
      EndpointSlice created = plan.toCreate().get(plan.toCreate().size() - 1);
      if (!old.getAddressType().equals(created.getAddressType()) || !EndpointSlices.ownedBy(old, service)) {
        continue;
      }
      created.getMetadata().setName(old.getMetadata().getName());
      created.getMetadata().setGenerateName(old.getMetadata().getGenerateName());
      created.getMetadata().setUid(old.getMetadata().getUid());
      created.getMetadata().setResourceVersion(old.getMetadata().getResourceVersion());
      created.getMetadata().setCreationTimestamp(old.getMetadata().getCreationTimestamp());
      plan.toCreate().remove(plan.toCreate().size() - 1);
      plan.toUpdate().add(created);
      deletions.remove();
    }
  }

  /** {@code placeholderSliceCompare}: same namespace, labels and family, no endpoints, no ports. */
  private static boolean isPlaceholder(EndpointSlice slice, EndpointSlice placeholder) {
    return Objects.equals(slice.getMetadata().getNamespace(), placeholder.getMetadata().getNamespace())
        && Objects.equals(slice.getMetadata().getLabels(), placeholder.getMetadata().getLabels())
        && Objects.equals(slice.getAddressType(), placeholder.getAddressType())
        && endpointsOf(slice).isEmpty() && (slice.getPorts() == null || slice.getPorts().isEmpty());
  }

  private static List<Endpoint> endpointsOf(EndpointSlice slice) {
    return slice.getEndpoints() == null ? List.of() : slice.getEndpoints();
  }

  /** {@code addTriggerTimeAnnotation}: set to the trigger time, or removed when there is none. */
  private static void setTriggerTime(EndpointSlice slice, Optional<Instant> triggerTime) {
    Map<String, String> annotations = new HashMap<>(slice.getMetadata().getAnnotations() == null ? Map.of()
        : slice.getMetadata().getAnnotations());
    triggerTime.ifPresentOrElse(
        t -> annotations.put(WellKnown.ANNOTATION_LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker.format(t)),
        () -> annotations.remove(WellKnown.ANNOTATION_LAST_CHANGE_TRIGGER_TIME));
    slice.getMetadata().setAnnotations(annotations);
  }

  /** A copy to modify: slices from the informer cache are shared. */
  private static EndpointSlice copy(EndpointSlice slice) {
    EndpointSlice copy = new EndpointSliceBuilder(slice).build();
    copy.setEndpoints(new ArrayList<>(endpointsOf(copy)));
    return copy;
  }
}
