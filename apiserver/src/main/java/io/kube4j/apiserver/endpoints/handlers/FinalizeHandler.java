package io.kube4j.apiserver.endpoints.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Namespace;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Responder;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.registry.core.namespace.rest.FinalizeRest;
import java.util.List;

/** {@code PUT namespaces/<name>/finalize}; answers with the namespace as stored. */
public final class FinalizeHandler implements ResourceRouter.SubresourceHandler {

  private final RequestScope<Namespace> scope;
  private final FinalizeRest finalize;

  public FinalizeHandler(RequestScope<Namespace> scope, FinalizeRest finalize) {
    this.scope = scope;
    this.finalize = finalize;
  }

  @Override
  public void handle(RequestInfo info, ApiRequest req, Responder responder) {
    if (!info.verb().equals("update")) {
      throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    JsonNode body = scope.bodies().decode(req.header("Content-Type"), req.body(), "v1", "Namespace");
    Namespace requested = scope.bind(body, req.param("fieldValidation")).object();
    Namespace result = finalize.finalize(info.name(), requested, RequestScope.dryRun(req));
    Response r = Responses.object(scope, req, 200, result, List.of());
    responder.respond(r);
  }
}
