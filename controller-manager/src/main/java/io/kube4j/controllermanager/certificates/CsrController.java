package io.kube4j.controllermanager.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.EnqueueingHandler;
import io.kube4j.controllermanager.controller.ReconcileLoop;

/**
 * A controller over CertificateSigningRequests: every change queues the CSR's name; the handler gets
 * a copy of the cached request (never the cached object itself, which other controllers share).
 */
public final class CsrController implements AutoCloseable {

  /** Acts on one request; throwing retries it with backoff. */
  @FunctionalInterface
  public interface Handler {
    void handle(CertificateSigningRequest csr) throws Exception;
  }

  private final SharedIndexInformer<CertificateSigningRequest> csrs;
  private final ReconcileLoop loop;

  public CsrController(String name, ControllerContext context, Handler handler) {
    this.csrs = context.informers().forType(CertificateSigningRequest.class);
    this.loop = context.loop(name, key -> {
      CertificateSigningRequest cached = csrs.getIndexer().getByKey(key);
      if (cached != null) {
        handler.handle(new CertificateSigningRequestBuilder(cached).build());
      }
    });
  }

  public CsrController start(int workers) {
    csrs.addEventHandler(EnqueueingHandler.own(loop));
    loop.start(workers);
    return this;
  }

  public ReconcileLoop loop() {
    return loop;
  }

  @Override
  public void close() {
    loop.close();
  }
}
