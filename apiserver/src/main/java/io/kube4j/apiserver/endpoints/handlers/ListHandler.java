package io.kube4j.apiserver.endpoints.handlers;

import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.registry.generic.ListOptions;
import io.kube4j.apiserver.watch.SelectionPredicate;
import java.util.Set;

/** LIST of a collection ({@code handlers.ListResource}); the query becomes {@link ListOptions}. */
public final class ListHandler {

  private ListHandler() {}

  public static Response list(RequestScope<?> scope, RequestInfo info, ApiRequest req) {
    return Responses.list(scope, req, scope.store().list(listOptions(scope, info, req)));
  }

  /** Parses selectors, limit, continue and the resourceVersion rules of a list or watch. */
  static ListOptions listOptions(RequestScope<?> scope, RequestInfo info, ApiRequest req) {
    Set<String> fields = scope.store().selectableFieldNames().orElse(Set.of());
    SelectionPredicate p = new SelectionPredicate(
        scope.selectors().labels(req.param("labelSelector")),
        scope.selectors().fields(req.param("fieldSelector"), fields, scope.resource().groupResource().toString()),
        scope.resource().namespaced() ? info.namespace() : "");
    long limit = 0;
    String limitParam = req.param("limit");
    if (!limitParam.isEmpty()) {
      try {
        limit = Math.max(0, Long.parseLong(limitParam));
      } catch (NumberFormatException e) {
        // the query's conversion to ListOptions fails with strconv.ParseInt's own words
        throw StatusException.badRequest("strconv.ParseInt: parsing \"" + limitParam + "\": "
            + (limitParam.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
      }
    }
    return new ListOptions(p, req.param("resourceVersion"), req.param("resourceVersionMatch"), limit,
        req.param("continue"));
  }
}
