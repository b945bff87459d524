package io.kube4j.apiserver.endpoints.handlers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.registry.generic.Store;
import java.util.Optional;

/** PUT of an object or its status ({@code handlers.UpdateResource}). */
public final class UpdateHandler {

  private UpdateHandler() {}

  public static <T extends HasMetadata> Response update(RequestScope<T> scope, RequestInfo info, ApiRequest req) {
    boolean dryRun = RequestScope.dryRun(req);
    RequestScope.Decoded<T> body = scope.decodeBody(req);
    Store.Target target = info.subresource().equals("status") ? Store.Target.STATUS : Store.Target.MAIN;
    T updated = scope.store().update(info.namespace(), info.name(), current -> {
      T next = scope.codec().copy(body.object());
      scope.admission().admit(new Attributes(current == null ? Attributes.Operation.CREATE : Attributes.Operation.UPDATE,
          scope.resource(), info.subresource(), info.namespace(), info.name(), Optional.of(next), req.user(), dryRun));
      return next;
    }, target, dryRun);
    return Responses.object(scope, req, 200, updated, body.warnings());
  }
}
