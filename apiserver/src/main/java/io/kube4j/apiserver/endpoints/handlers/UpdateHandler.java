package io.kube4j.apiserver.endpoints.handlers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.Warnings;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Response;

import io.kube4j.apiserver.registry.generic.UpdateTarget;
import java.util.Optional;

/** PUT of an object or its status ({@code handlers.UpdateResource}): the body replaces the stored object. */
public final class UpdateHandler {

  private UpdateHandler() {}

  public static <T extends HasMetadata> Response update(RequestScope<T> scope, RequestInfo info, ApiRequest req) {
    boolean dryRun = RequestScope.dryRun(req);
    RequestScope.Decoded<T> body = scope.decodeBody(req);
    String bodyName = body.object().getMetadata() == null ? null : body.object().getMetadata().getName();
    if (bodyName != null && !bodyName.isEmpty() && !bodyName.equals(info.name())) {
      // checkName: before storage is read, so a PUT to a missing name is a 400 too
      throw StatusException.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL ("
          + info.name() + ")");
    }
    Optional<String> uid = Optional.ofNullable(body.object().getMetadata()).map(m -> m.getUid()).filter(u -> !u.isEmpty());
    UpdateTarget target = UpdateTarget.of(info.subresource());
    Warnings warnings = new Warnings();
    T updated = scope.store().update(info.namespace(), info.name(), current -> {
      if (current != null && uid.isPresent() && !uid.get().equals(current.getMetadata().getUid())) {
        // a uid in a PUT body is a precondition (defaultUpdatedObjectInfo.Preconditions), not a change
        throw StatusException.conflict(scope.resource().groupResource(), info.name(), "Precondition failed: UID in "
            + "precondition: " + uid.get() + ", UID in object meta: " + current.getMetadata().getUid());
      }
      T next = scope.codec().copy(body.object());
      scope.store().strategy().applyDefaults(next);
      Attributes admitted = scope.admission().admit(new Attributes(
          current == null ? Attributes.Operation.CREATE : Attributes.Operation.UPDATE, scope.resource(),
          info.subresource(), info.namespace(), info.name(), Optional.of(next), Optional.ofNullable(current),
          req.user(), dryRun, warnings));
      return scope.store().type().cast(admitted.object().orElseThrow());
    }, target, dryRun, (next, old) -> scope.admission().validate(new Attributes(
        old == null ? Attributes.Operation.CREATE : Attributes.Operation.UPDATE, scope.resource(),
        info.subresource(), info.namespace(), info.name(), Optional.of(next), Optional.ofNullable(old), req.user(),
        dryRun, warnings)));
    return Responses.object(scope, req, 200, updated, warnings.after(body.warnings()));
  }
}
