package io.kube4j.apiserver.endpoints.handlers;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Responder;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.registry.core.pod.rest.EvictionRest;
import io.kube4j.apiserver.registry.generic.DeleteOptions;
import io.kube4j.apiserver.runtime.Codec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code POST pods/<name>/eviction} with a policy/v1 (or v1beta1) {@code Eviction}: 201 with a
 * Success Status once the pod is deleted or marked for deletion, as upstream answers.
 */
public final class EvictionHandler implements ResourceRouter.SubresourceHandler {

  private final BodyDecoder bodies;
  private final Codec codec;
  private final EvictionRest evictions;

  public EvictionHandler(BodyDecoder bodies, Codec codec, EvictionRest evictions) {
    this.bodies = bodies;
    this.codec = codec;
    this.evictions = evictions;
  }

  @Override
  public void handle(RequestInfo info, ApiRequest req, Responder responder) {
    if (!info.verb().equals("create")) {
      throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    Eviction eviction = codec.bind(bodies.decode(req.header("Content-Type"), req.body(), "policy/v1", "Eviction"),
        Eviction.class);
    String name = eviction.getMetadata() == null ? null : eviction.getMetadata().getName();
    if (!info.name().equals(name)) {
      throw StatusException.badRequest("name in URL does not match name in Eviction object");
    }
    evictions.evict(info.namespace(), info.name(), deleteOptions(eviction, RequestScope.dryRun(req)));
    responder.respond(Response.json(201, codec.encode(new StatusBuilder().withNewMetadata().endMetadata()
        .withStatus("Success").withCode(201).build())));
  }

  /** {@code propagateDryRun}: the request's dryRun and the body's must agree when both are given. */
  static DeleteOptions deleteOptions(Eviction eviction, boolean requestDryRun) {
    io.fabric8.kubernetes.api.model.DeleteOptions d = eviction.getDeleteOptions();
    if (d == null) {
      return new DeleteOptions(OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), requestDryRun);
    }
    List<String> bodyDryRun = d.getDryRun() == null ? List.of() : d.getDryRun();
    if (!bodyDryRun.isEmpty() && requestDryRun != bodyDryRun.contains("All")) {
      throw StatusException.badRequest("Non-matching dry-run options in request and content: "
          + (requestDryRun ? "[All]" : "[]") + " and " + bodyDryRun);
    }
    boolean dryRun = requestDryRun || bodyDryRun.contains("All");
    OptionalLong grace = d.getGracePeriodSeconds() == null ? OptionalLong.empty() : OptionalLong.of(d.getGracePeriodSeconds());
    Optional<String> uid = Optional.ofNullable(d.getPreconditions()).map(p -> p.getUid());
    Optional<String> rv = Optional.ofNullable(d.getPreconditions()).map(p -> p.getResourceVersion());
    Optional<String> policy = Optional.ofNullable(d.getPropagationPolicy());
    return new DeleteOptions(grace, uid, rv, policy, dryRun);
  }
}
