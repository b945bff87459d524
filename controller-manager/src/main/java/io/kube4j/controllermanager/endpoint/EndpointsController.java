package io.kube4j.controllermanager.endpoint;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.Keys;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import io.kube4j.controllermanager.endpointslice.util.PodServiceMemberships;
import io.kube4j.controllermanager.endpointslice.util.StaleInformerCache;
import io.kube4j.controllermanager.endpointslice.util.TriggerTimeTracker;
import io.kube4j.controllermanager.endpointslice.util.WellKnown;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints controller ({@code endpoints-controller}, {@code pkg/controller/endpoint}): keeps the
 * Endpoints named like each Service with a selector listing the IPs and ports of the pods it selects,
 * ready ones in {@code addresses}, the others in {@code notReadyAddresses}. Keys are Service keys; a
 * pod event queues the Services selecting the pod, before and after the change.
 */
public final class EndpointsController implements AutoCloseable {

  public static final String NAME = "endpoints-controller";
  /** Bound to {@code system:controller:endpoint-controller}: endpoints create/delete/get/list/update/watch. */
  public static final String SERVICE_ACCOUNT = "endpoint-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("endpoint"), false,
      EndpointsController::start);
  /** {@code --concurrent-endpoint-syncs}' default. */
  static final int WORKERS = 5;

  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Endpoints> endpoints;
  private final KubernetesClient client;
  private final ReconcileLoop loop;
  private final PodServiceMemberships memberships;
  private final TriggerTimeTracker triggerTimes = new TriggerTimeTracker();
  private final StaleEndpointsTracker staleEndpoints = new StaleEndpointsTracker();

  private EndpointsController(ControllerContext context) {
    this.services = context.informers().forType(Service.class);
    this.pods = context.informers().forType(Pod.class);
    this.endpoints = context.informers().forType(Endpoints.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.loop = context.loop(NAME, this::syncService);
    this.memberships = new PodServiceMemberships(ns -> services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns));
  }

  static AutoCloseable start(ControllerContext context) {
    EndpointsController c = new EndpointsController(context);
    c.services.addEventHandler(EnqueueingHandler.own(c.loop));
    c.pods.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        c.memberships.of(pod).forEach(c.loop::enqueue);
      }

      @Override
      public void onUpdate(Pod old, Pod pod) {
        c.memberships.onUpdate(old, pod).forEach(c.loop::enqueue);
      }

      @Override
      public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
        c.memberships.of(pod).forEach(c.loop::enqueue);
      }
    });
    // an Endpoints deleted by someone else is recreated if its Service still wants it
    c.endpoints.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Endpoints ep) {
      }

      @Override
      public void onUpdate(Endpoints old, Endpoints ep) {
      }

      @Override
      public void onDelete(Endpoints ep, boolean deletedFinalStateUnknown) {
        c.loop.enqueue(Keys.of(ep));
      }
    });
    c.loop.start(WORKERS);
    context.whenSynced(c::checkLeftoverEndpoints);
    return c;
  }

  /**
   * {@code checkLeftoverEndpoints}: once at start, every Endpoints is looked at, so that those whose
   * Service was deleted while no controller ran are deleted too. Leader-election records kept in
   * Endpoints have no Service and are spared.
   */
  private void checkLeftoverEndpoints() {
    for (Endpoints ep : endpoints.getIndexer().list()) {
      Map<String, String> annotations = ep.getMetadata().getAnnotations();
      if (annotations == null || !annotations.containsKey(WellKnown.ANNOTATION_LEADER)) {
        loop.enqueue(Keys.of(ep));
      }
    }
  }

  void syncService(String key) {
    String namespace = Keys.namespace(key);
    String name = Keys.name(key);
    Service service = services.getIndexer().getByKey(key);
    if (service == null) {
      // the Service is gone: so is its Endpoints (a 404 means it already was)
      client.endpoints().inNamespace(namespace).withName(name).delete();
      triggerTimes.deleteService(namespace, name);
      staleEndpoints.delete(key);
      return;
    }
    if ("ExternalName".equals(service.getSpec().getType())) {
      return; // a DNS alias has no endpoints
    }
    Map<String, String> selector = service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return; // without a selector, the Endpoints are the user's to write
    }
    List<Pod> selected = pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
        .filter(p -> PodServiceMemberships.selects(selector, p.getMetadata().getLabels())).toList();
    // computed on every sync, written or not, so that the tracker's view stays current
    Optional<Instant> triggerTime = triggerTimes.compute(service, selected);

    Endpoints current = endpoints.getIndexer().getByKey(key);
    if (current != null && staleEndpoints.isStale(current)) {
      throw new StaleInformerCache("endpoints informer cache is out of date, resource version "
          + current.getMetadata().getResourceVersion() + " already processed for endpoints " + key);
    }
    Optional<Endpoints> desired = desired(service, selected, Optional.ofNullable(current), triggerTime);
    if (desired.isPresent()) {
      write(current, desired.get());
    }
  }

  /**
   * The Endpoints {@code service} should have given the pods it selects, built on a copy of
   * {@code current}; empty when {@code current} is that already. Labels are the Service's, plus
   * {@code service.kubernetes.io/headless} for a headless Service; the trigger time annotation is
   * refreshed only when something is written anyway.
   */
  static Optional<Endpoints> desired(Service service, List<Pod> pods, Optional<Endpoints> current,
      Optional<Instant> triggerTime) {
    List<EndpointSubset> subsets = EndpointSubsets.forService(service, pods);
    boolean truncated = EndpointsCapacity.truncate(subsets);
    Map<String, String> serviceLabels = orEmpty(service.getMetadata().getLabels());
    if (current.isPresent() && upToDate(current.get(), subsets, serviceLabels, truncated)) {
      return Optional.empty();
    }
    Endpoints desired = current.map(c -> new EndpointsBuilder(c).build()).orElseGet(() -> new EndpointsBuilder()
        .withNewMetadata().withName(service.getMetadata().getName())
        .withNamespace(service.getMetadata().getNamespace()).endMetadata().build());
    desired.setSubsets(subsets);
    Map<String, String> labels = new HashMap<>(serviceLabels);
    if (isServiceIPSet(service)) {
      labels.remove(WellKnown.LABEL_HEADLESS);
    } else {
      labels.put(WellKnown.LABEL_HEADLESS, "");
    }
    desired.getMetadata().setLabels(labels);
    Map<String, String> annotations = new HashMap<>(orEmpty(desired.getMetadata().getAnnotations()));
    triggerTime.ifPresentOrElse(
        t -> annotations.put(WellKnown.ANNOTATION_LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker.format(t)),
        () -> annotations.remove(WellKnown.ANNOTATION_LAST_CHANGE_TRIGGER_TIME));
    if (truncated) {
      annotations.put(WellKnown.ANNOTATION_OVER_CAPACITY, EndpointsCapacity.TRUNCATED);
    } else {
      annotations.remove(WellKnown.ANNOTATION_OVER_CAPACITY);
    }
    desired.getMetadata().setAnnotations(annotations);
    return Optional.of(desired);
  }

  /**
   * Nothing to write: same subsets (beyond target resourceVersions), the Service's labels (the
   * headless label aside, which the Service itself never carries), the over-capacity mark right.
   */
  private static boolean upToDate(Endpoints current, List<EndpointSubset> subsets, Map<String, String> serviceLabels,
      boolean truncated) {
    Map<String, String> currentLabels = new HashMap<>(orEmpty(current.getMetadata().getLabels()));
    currentLabels.remove(WellKnown.LABEL_HEADLESS);
    boolean markedTruncated = orEmpty(current.getMetadata().getAnnotations())
        .containsKey(WellKnown.ANNOTATION_OVER_CAPACITY);
    return EndpointSubsets.equalIgnoringResourceVersion(current.getSubsets(), subsets)
        && currentLabels.equals(serviceLabels) && markedTruncated == truncated;
  }

  /** Create, or update with the cached resourceVersion (a conflict is retried by the loop). */
  private void write(Endpoints current, Endpoints desired) {
    String namespace = desired.getMetadata().getNamespace();
    if (current == null) {
      try {
        client.endpoints().inNamespace(namespace).resource(desired).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() == 403 && namespaceTerminating(e)) {
          return; // creates will keep failing until the namespace is gone: drop the key
        }
        throw e;
      }
      return;
    }
    Endpoints updated = client.endpoints().inNamespace(namespace).resource(desired).update();
    if (!current.getMetadata().getResourceVersion().equals(updated.getMetadata().getResourceVersion())) {
      staleEndpoints.stale(current);
    }
  }

  /** {@code IsServiceIPSet}: a cluster IP other than {@code None}. */
  private static boolean isServiceIPSet(Service service) {
    String ip = service.getSpec().getClusterIP();
    return ip != null && !ip.isEmpty() && !"None".equals(ip);
  }

  static boolean namespaceTerminating(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getDetails() != null
        && e.getStatus().getDetails().getCauses() != null
        && e.getStatus().getDetails().getCauses().stream().anyMatch(c -> "NamespaceTerminating".equals(c.getReason()));
  }

  private static Map<String, String> orEmpty(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }

  @Override
  public void close() {
    loop.close();
  }
}
