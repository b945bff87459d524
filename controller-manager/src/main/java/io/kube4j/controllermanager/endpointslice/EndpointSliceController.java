package io.kube4j.controllermanager.endpointslice;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
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
import io.kube4j.controllermanager.endpointslice.util.EndpointSliceTracker;
import io.kube4j.controllermanager.endpointslice.util.PodServiceMemberships;
import io.kube4j.controllermanager.endpointslice.util.StaleInformerCache;
import io.kube4j.controllermanager.endpointslice.util.TriggerTimeTracker;
import io.kube4j.controllermanager.endpointslice.util.WellKnown;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The EndpointSlice controller ({@code endpointslice-controller}, {@code pkg/controller/endpointslice}):
 * for each Service with a selector, EndpointSlices ({@code discovery.k8s.io/v1}) listing the pods it
 * selects, at most {@link #MAX_ENDPOINTS_PER_SLICE} per slice, each labelled with the Service's name
 * and {@code endpointslice.kubernetes.io/managed-by}, and owned by the Service. Keys are Service keys;
 * pod events queue the Services selecting the pod, slice events the Service of a slice someone else
 * changed.
 */
public final class EndpointSliceController implements AutoCloseable {

  public static final String NAME = "endpointslice-controller";
  /** Bound to {@code system:controller:endpointslice-controller}: endpointslices create/delete/get/list/update/watch. */
  public static final String SERVICE_ACCOUNT = "endpointslice-controller";
  /** The {@code endpointslice.kubernetes.io/managed-by} of the slices this controller writes ({@code ControllerName}). */
  public static final String CONTROLLER_NAME = "endpointslice-controller.k8s.io";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("endpointslice"), false,
      EndpointSliceController::start);
  /** {@code --max-endpoints-per-slice}' default: small slices keep each update small. */
  static final int MAX_ENDPOINTS_PER_SLICE = 100;
  /** {@code --concurrent-service-endpoint-syncs}' default. */
  static final int WORKERS = 5;
  /**
   * {@code endpointSliceChangeMinSyncDelay}: a slice changed by someone else is looked at after this
   * delay, so that a burst of such changes costs one sync.
   */
  static final Duration SLICE_CHANGE_MIN_SYNC_DELAY = Duration.ofSeconds(1);

  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<EndpointSlice> slices;
  private final SharedIndexInformer<Node> nodes;
  private final KubernetesClient client;
  private final ReconcileLoop loop;
  private final PodServiceMemberships memberships;
  private final EndpointSliceTracker tracker = new EndpointSliceTracker();
  private final TriggerTimeTracker triggerTimes = new TriggerTimeTracker();
  private final EndpointSliceReconciler reconciler;

  private EndpointSliceController(ControllerContext context, int maxEndpointsPerSlice) {
    this.services = context.informers().forType(Service.class);
    this.pods = context.informers().forType(Pod.class);
    this.slices = context.informers().forType(EndpointSlice.class);
    this.nodes = context.informers().forType(Node.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.loop = context.loop(NAME, this::syncService);
    this.memberships = new PodServiceMemberships(ns -> services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns));
    this.reconciler = new EndpointSliceReconciler(client, maxEndpointsPerSlice, tracker, CONTROLLER_NAME);
  }

  static AutoCloseable start(ControllerContext context) {
    EndpointSliceController c = new EndpointSliceController(context, MAX_ENDPOINTS_PER_SLICE);
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
    c.slices.addEventHandler(c.new SliceChanges());
    c.loop.start(WORKERS);
    return c;
  }

  /**
   * Slice events that need a sync: a slice of this controller's in a generation it did not write
   * itself, one it did not delete itself, one whose Service label or manager changed.
   */
  private final class SliceChanges implements ResourceEventHandler<EndpointSlice> {

    @Override
    public void onAdd(EndpointSlice slice) {
      if (managedByController(slice) && tracker.shouldSync(slice)) {
        queueServiceOf(slice);
      }
    }

    @Override
    public void onUpdate(EndpointSlice old, EndpointSlice slice) {
      String service = label(slice, WellKnown.LABEL_SERVICE_NAME);
      String oldService = label(old, WellKnown.LABEL_SERVICE_NAME);
      if (!Objects.equals(service, oldService)) {
        queueServiceOf(slice);
        queueServiceOf(old);
        return;
      }
      if (managedByController(old) != managedByController(slice)
          || (managedByController(slice) && tracker.shouldSync(slice))) {
        queueServiceOf(slice);
      }
    }

    @Override
    public void onDelete(EndpointSlice slice, boolean deletedFinalStateUnknown) {
      if (managedByController(slice) && tracker.has(slice) && !tracker.handleDeletion(slice)) {
        queueServiceOf(slice);
      }
    }

    private void queueServiceOf(EndpointSlice slice) {
      String service = label(slice, WellKnown.LABEL_SERVICE_NAME);
      if (service != null && !service.isEmpty()) {
        loop.queue().addAfter(slice.getMetadata().getNamespace() + "/" + service, SLICE_CHANGE_MIN_SYNC_DELAY);
      }
    }
  }

  void syncService(String key) {
    String namespace = Keys.namespace(key);
    String name = Keys.name(key);
    Service service = services.getIndexer().getByKey(key);
    List<EndpointSlice> managed = slices.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
        .filter(s -> name.equals(label(s, WellKnown.LABEL_SERVICE_NAME)) && managedByController(s)).toList();
    if (service == null) {
      triggerTimes.deleteService(namespace, name);
      tracker.deleteService(namespace, name);
      deleteAll(namespace, managed);
      return;
    }
    if ("ExternalName".equals(service.getSpec().getType())) {
      return; // a DNS alias has no endpoints
    }
    Map<String, String> selector = service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return; // without a selector, slices are the user's to write
    }
    List<Pod> selected = pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
        .filter(p -> PodServiceMemberships.selects(selector, p.getMetadata().getLabels())).toList();
    // slices already being deleted would only stall the sync
    List<EndpointSlice> existing = managed.stream().filter(s -> s.getMetadata().getDeletionTimestamp() == null).toList();
    if (tracker.staleSlices(service, existing)) {
      throw new StaleInformerCache("EndpointSlice informer cache is out of date");
    }
    var triggerTime = triggerTimes.compute(service, selected);
    reconciler.reconcile(service, selected, existing, n -> Optional.ofNullable(nodes.getIndexer().getByKey(n)),
        triggerTime);
  }

  /**
   * The Service is gone: so are its slices. (Upstream leaves them to the garbage collector through
   * their owner reference; deleting them here makes their removal immediate and independent of it.)
   */
  private void deleteAll(String namespace, List<EndpointSlice> slicesOfService) {
    for (EndpointSlice slice : slicesOfService) {
      client.resources(EndpointSlice.class).inNamespace(namespace).withName(slice.getMetadata().getName()).delete();
      tracker.expectDeletion(slice);
    }
  }

  private static boolean managedByController(EndpointSlice slice) {
    return CONTROLLER_NAME.equals(label(slice, WellKnown.LABEL_MANAGED_BY));
  }

  private static String label(EndpointSlice slice, String key) {
    Map<String, String> labels = slice.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  static boolean namespaceTerminating(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getDetails() != null
        && e.getStatus().getDetails().getCauses() != null
        && e.getStatus().getDetails().getCauses().stream().anyMatch(c -> "NamespaceTerminating".equals(c.getReason()));
  }

  @Override
  public void close() {
    loop.close();
  }
}
