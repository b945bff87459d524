package io.kube4j.apiserver.endpoints;

import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.handlers.CreateHandler;
import io.kube4j.apiserver.endpoints.handlers.DeleteHandler;
import io.kube4j.apiserver.endpoints.handlers.GetHandler;
import io.kube4j.apiserver.endpoints.handlers.ListHandler;
import io.kube4j.apiserver.endpoints.handlers.PatchHandler;
import io.kube4j.apiserver.endpoints.handlers.RequestScope;
import io.kube4j.apiserver.endpoints.handlers.UpdateHandler;
import io.kube4j.apiserver.endpoints.handlers.WatchHandler;
import io.kube4j.apiserver.registry.ApiResource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes a resource request to the handler of its verb on its resource's scope. Subresources served
 * by the generic handlers: those owning part of the object, {@code status} and a CSR's
 * {@code approval} (get, update, patch). Others are registered as their own
 * {@link SubresourceHandler}s.
 */
public final class ResourceRouter {

  /** A subresource with its own logic, e.g. {@code pods/binding}. */
  public interface SubresourceHandler {
    void handle(RequestInfo info, ApiRequest req, Responder responder);
  }

  private final Map<String, RequestScope<?>> scopes = new ConcurrentHashMap<>();
  private final Map<String, SubresourceHandler> subresources = new ConcurrentHashMap<>();
  private final Map<String, CreateOnly> createOnly = new ConcurrentHashMap<>();

  /** A resource that is only ever created and never stored, e.g. {@code subjectaccessreviews}. */
  private record CreateOnly(ApiResource resource, SubresourceHandler handler) {}

  public void register(RequestScope<?> scope) {
    ApiResource r = scope.resource();
    scopes.put(key(r.group(), r.version(), r.resource()), scope);
  }

  public void registerSubresource(ApiResource r, String subresource, SubresourceHandler handler) {
    subresources.put(key(r.group(), r.version(), r.resource()) + "/" + subresource, handler);
  }

  /**
   * Serves a create-only resource ({@code rest.Creater} without a store upstream): reviews such as
   * TokenReview and SubjectAccessReview answer a POST and keep nothing.
   */
  public void registerCreateOnly(ApiResource r, SubresourceHandler handler) {
    createOnly.put(key(r.group(), r.version(), r.resource()), new CreateOnly(r, handler));
  }

  public Optional<RequestScope<?>> scope(String group, String version, String resource) {
    return Optional.ofNullable(scopes.get(key(group, version, resource)));
  }

  private static String key(String group, String version, String resource) {
    return group + "/" + version + "/" + resource;
  }

  public void route(RequestInfo info, ApiRequest req, Responder responder) {
    CreateOnly review = createOnly.get(key(info.group(), info.version(), info.resource()));
    if (review != null) {
      routeCreateOnly(review, info, req, responder);
      return;
    }
    // an unknown resource, or a cluster-scoped one under a namespace, has no route: a generic 404
    RequestScope<?> scope = scope(info.group(), info.version(), info.resource())
        .orElseThrow(StatusException::noRoute);
    ApiResource r = scope.resource();
    if (!r.namespaced() && !info.namespace().isEmpty()) {
      throw StatusException.noRoute();
    }
    if (!info.subresource().isEmpty()) {
      SubresourceHandler h = subresources.get(key(info.group(), info.version(), info.resource()) + "/" + info.subresource());
      if (h != null) {
        h.handle(info, req, responder);
        return;
      }
      // status (and a CSR's approval): part of the object, written through the generic update path
      boolean partOfObject = r.subresources().stream().anyMatch(s -> s.name().equals(info.subresource()))
          && scope.store().strategy().subresourceStrategy(info.subresource()).isPresent();
      if (!partOfObject || !Set.of("get", "update", "patch").contains(info.verb())) {
        throw StatusException.notFound(r.groupResource(), info.name());
      }
    }
    checkVerb(r, info);
    switch (info.verb()) {
      case "get" -> responder.respond(GetHandler.get(scope, info, req));
      case "list" -> responder.respond(ListHandler.list(scope, info, req));
      case "watch" -> WatchHandler.watch(scope, info, req, responder);
      case "create" -> responder.respond(CreateHandler.create(scope, info, req));
      case "update" -> responder.respond(UpdateHandler.update(scope, info, req));
      case "patch" -> responder.respond(PatchHandler.patch(scope, info, req));
      case "delete" -> responder.respond(DeleteHandler.delete(scope, info, req));
      case "deletecollection" -> responder.respond(DeleteHandler.deleteCollection(scope, info, req));
      default -> throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
  }

  private static void routeCreateOnly(CreateOnly review, RequestInfo info, ApiRequest req, Responder responder) {
    if (review.resource().namespaced() == info.namespace().isEmpty() || !info.subresource().isEmpty()) {
      throw StatusException.noRoute();
    }
    if (!info.verb().equals("create") || !info.name().isEmpty()) {
      throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    review.handler().handle(info, req, responder);
  }

  private static void checkVerb(ApiResource r, RequestInfo info) {
    if (!info.subresource().isEmpty()) {
      return;
    }
    boolean allowed = r.verbs().stream().anyMatch(v -> v.wire().equals(info.verb()));
    if (!allowed) {
      throw StatusException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
  }
}
