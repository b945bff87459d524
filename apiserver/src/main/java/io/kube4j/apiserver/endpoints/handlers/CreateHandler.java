package io.kube4j.apiserver.endpoints.handlers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.Warnings;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.registry.generic.RequesterAwareStrategy;
import java.util.Optional;

/** POST to a collection ({@code handlers.CreateResource}): decode, admit, store; 201 Created. */
public final class CreateHandler {

  private CreateHandler() {}

  public static <T extends HasMetadata> Response create(RequestScope<T> scope, RequestInfo info, ApiRequest req) {
    if (!info.name().isEmpty()) {
      throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    boolean dryRun = RequestScope.dryRun(req);
    RequestScope.Decoded<T> body = scope.decodeBody(req);
    T obj = body.object();
    // defaults first (upstream defaults while decoding), so mutating plugins see a defaulted object
    scope.store().strategy().applyDefaults(obj);
    String name = obj.getMetadata() == null ? "" : String.valueOf(obj.getMetadata().getName());
    Attributes attributes = scope.admission().admit(new Attributes(Attributes.Operation.CREATE, scope.resource(), "",
        info.namespace(), name, Optional.of(obj), Optional.empty(), req.user(), dryRun, new Warnings()));
    T admitted = scope.store().type().cast(attributes.object().orElseThrow());
    if (scope.store().strategy() instanceof RequesterAwareStrategy<?> requesterAware) {
      recordRequester(requesterAware, admitted, req);
    }
    return Responses.object(scope, req, 201, scope.store().createEncoded(info.namespace(), admitted, dryRun,
        created -> scope.admission().validate(attributes.with(Optional.of(created), Optional.empty()))),
        attributes.warnings().after(body.warnings()));
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> void recordRequester(RequesterAwareStrategy<?> strategy, T obj,
      ApiRequest req) {
    ((RequesterAwareStrategy<T>) strategy).recordRequester(obj, req.user());
  }
}
