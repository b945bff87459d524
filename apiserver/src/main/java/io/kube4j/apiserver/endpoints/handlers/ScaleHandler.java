package io.kube4j.apiserver.endpoints.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.PatchApplier;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Responder;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.registry.autoscaling.scale.ScaleRest;
import io.kube4j.apiserver.runtime.Codec;

/** {@code GET|PUT|PATCH <workload>/scale} in {@code autoscaling/v1 Scale} form. */
public final class ScaleHandler<T extends HasMetadata> implements ResourceRouter.SubresourceHandler {

  private final ScaleRest<T> scales;
  private final BodyDecoder bodies;
  private final PatchApplier patches;
  private final Codec codec;

  public ScaleHandler(ScaleRest<T> scales, BodyDecoder bodies, PatchApplier patches, Codec codec) {
    this.scales = scales;
    this.bodies = bodies;
    this.patches = patches;
    this.codec = codec;
  }

  @Override
  public void handle(RequestInfo info, ApiRequest req, Responder responder) {
    boolean dryRun = RequestScope.dryRun(req);
    Scale result = switch (info.verb()) {
      case "get" -> scales.get(info.namespace(), info.name());
      case "update" -> {
        JsonNode body = bodies.decode(req.header("Content-Type"), req.body(), "autoscaling/v1", "Scale");
        Scale wanted = codec.bind(body, Scale.class);
        yield scales.update(info.namespace(), info.name(), current -> wanted, dryRun);
      }
      case "patch" -> scales.update(info.namespace(), info.name(), current -> codec.bind(
          patches.apply(req.header("Content-Type"), codec.toTree(current), req.body(), Scale.class), Scale.class),
          dryRun);
      default -> throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
    };
    responder.respond(Response.json(200, codec.encode(result)));
  }
}
