package io.kube4j.apiserver.endpoints.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.Warnings;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Response;

import io.kube4j.apiserver.registry.generic.UpdateTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PATCH ({@code handlers.PatchResource}): the patch is applied to the current object's JSON inside
 * the store's compare-and-swap loop, so a concurrent writer makes it re-apply to the newer object.
 * A patch that sets {@code metadata.resourceVersion} is a precondition.
 */
public final class PatchHandler {

  private PatchHandler() {}

  public static <T extends HasMetadata> Response patch(RequestScope<T> scope, RequestInfo info, ApiRequest req) {
    boolean dryRun = RequestScope.dryRun(req);
    String contentType = req.header("Content-Type");
    List<String> warnings = new ArrayList<>();
    Warnings admissionWarnings = new Warnings();
    UpdateTarget target = UpdateTarget.of(info.subresource());
    T patched = scope.store().update(info.namespace(), info.name(), current -> {
      JsonNode before = scope.codec().toTree(current);
      JsonNode after = scope.patches().apply(contentType, before, req.body(), scope.store().type());
      RequestScope.Decoded<T> decoded = scope.bind(after, req.param("fieldValidation"));
      warnings.clear();
      warnings.addAll(decoded.warnings());
      T next = decoded.object();
      scope.store().strategy().applyDefaults(next);
      Attributes admitted = scope.admission().admit(new Attributes(Attributes.Operation.UPDATE, scope.resource(),
          info.subresource(), info.namespace(), info.name(), Optional.of(next), Optional.ofNullable(current), req.user(),
          dryRun, admissionWarnings));
      return scope.store().type().cast(admitted.object().orElseThrow());
    }, target, dryRun, (next, old) -> scope.admission().validate(new Attributes(Attributes.Operation.UPDATE,
        scope.resource(), info.subresource(), info.namespace(), info.name(), Optional.of(next), Optional.ofNullable(old),
        req.user(), dryRun, admissionWarnings)));
    return Responses.object(scope, req, 200, patched, admissionWarnings.after(warnings));
  }
}
