package io.kube4j.apiserver.endpoints.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Responder;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.registry.core.pod.rest.BindingRest;
import io.kube4j.apiserver.runtime.Codec;

/** {@code POST pods/<name>/binding}: 201 with a Success Status, as upstream answers. */
public final class BindingHandler implements ResourceRouter.SubresourceHandler {

  private final BodyDecoder bodies;
  private final Codec codec;
  private final BindingRest bindings;

  public BindingHandler(BodyDecoder bodies, Codec codec, BindingRest bindings) {
    this.bodies = bodies;
    this.codec = codec;
    this.bindings = bindings;
  }

  @Override
  public void handle(RequestInfo info, ApiRequest req, Responder responder) {
    if (!info.verb().equals("create")) {
      throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    JsonNode body = bodies.decode(req.header("Content-Type"), req.body(), "v1", "Binding");
    Binding binding = codec.bind(body, Binding.class);
    bindings.bind(info.namespace(), info.name(), binding, RequestScope.dryRun(req));
    responder.respond(Response.json(201, codec.encode(new StatusBuilder().withNewMetadata().endMetadata()
        .withStatus("Success").withCode(201).build())));
  }
}
