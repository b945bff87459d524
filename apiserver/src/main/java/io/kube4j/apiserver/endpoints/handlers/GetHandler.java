package io.kube4j.apiserver.endpoints.handlers;

import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Response;
import java.util.List;

/** GET of one object ({@code handlers.GetResource}). */
public final class GetHandler {

  private GetHandler() {}

  public static Response get(RequestScope<?> scope, RequestInfo info, ApiRequest req) {
    return Responses.object(scope, req, 200,
        scope.store().get(info.namespace(), info.name(), req.param("resourceVersion")), List.of());
  }
}
