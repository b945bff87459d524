package io.kube4j.controllermanager.namespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles terminating namespaces ({@code NamespaceController}): each pass deletes what it can; while
 * content remains (pods still terminating, objects held by finalizers), the namespace comes back
 * after the time its content needs, rather than with error backoff.
 */
public final class NamespaceController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NamespaceController.class);

  public static final String NAME = "namespace-controller";
  public static final String SERVICE_ACCOUNT = "namespace-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("namespace"), false,
      NamespaceController::start);

  private final SharedIndexInformer<Namespace> namespaces;
  private final NamespacedResourcesDeleter deleter;
  private final ReconcileLoop loop;

  private NamespaceController(ControllerContext context) {
    this.namespaces = context.informers().forType(Namespace.class);
    this.deleter = new NamespacedResourcesDeleter(context.clientFor(SERVICE_ACCOUNT));
    this.loop = context.loop(NAME, this::sync);
  }

  static AutoCloseable start(ControllerContext context) {
    NamespaceController c = new NamespaceController(context);
    c.namespaces.addEventHandler(EnqueueingHandler.own(c.loop));
    c.loop.start(2);
    return c;
  }

  private void sync(String name) {
    Namespace cached = namespaces.getIndexer().getByKey(name);
    if (cached == null || cached.getMetadata().getDeletionTimestamp() == null) {
      return;
    }
    try {
      deleter.delete(name);
    } catch (NamespacedResourcesDeleter.ContentRemaining e) {
      // as upstream: look again after half the estimate, plus a second
      Duration again = Duration.ofSeconds(e.estimateSeconds / 2 + 1);
      LOG.info("namespace {}: {}; again in {}", name, e.getMessage(), again);
      loop.queue().addAfter(name, again);
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
