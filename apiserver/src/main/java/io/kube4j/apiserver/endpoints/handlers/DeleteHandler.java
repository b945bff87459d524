package io.kube4j.apiserver.endpoints.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.registry.generic.DeleteOptions;
import io.kube4j.apiserver.registry.generic.DeleteResult;
import io.kube4j.apiserver.registry.generic.ObjectList;
import io.kube4j.apiserver.watch.CachedObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * DELETE of one object or of a collection ({@code handlers.DeleteResource},
 * {@code DeleteCollection}). Options come from the JSON body ({@code metav1.DeleteOptions}, as kubectl
 * sends them) or the query.
 */
public final class DeleteHandler {

  private DeleteHandler() {}

  public static <T extends HasMetadata> Response delete(RequestScope<T> scope, RequestInfo info, ApiRequest req) {
    DeleteOptions o = options(scope, req);
    DeleteResult<T> r = admitAndDelete(scope, info.namespace(), info.name(), info.subresource(), o, req);
    if (!r.deletedNow() || scope.store().strategy().returnDeletedObject()) {
      return Responses.object(scope, req, 200, r.object(), List.of());
    }
    return Response.json(200, scope.codec().encode(new StatusBuilder()
        .withNewMetadata().endMetadata()
        .withStatus("Success")
        .withNewDetails()
        .withName(info.name())
        .withGroup(scope.resource().group())
        .withKind(scope.resource().resource())
        .withUid(r.object().getMetadata().getUid())
        .endDetails()
        .build()));
  }

  /** Deletes every object the list options select, one by one, and answers with the list deleted. */
  public static <T extends HasMetadata> Response deleteCollection(RequestScope<T> scope, RequestInfo info,
      ApiRequest req) {
    DeleteOptions o = options(scope, req);
    ObjectList matching = scope.store().list(ListHandler.listOptions(scope, info, req));
    for (CachedObject c : matching.items()) {
      String name = c.object().getMetadata().getName();
      String ns = c.object().getMetadata().getNamespace() == null ? "" : c.object().getMetadata().getNamespace();
      try {
        admitAndDelete(scope, ns, name, "", o, req);
      } catch (StatusException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
    return Responses.list(scope, req, matching);
  }

  /** Mutating admission sees no object (as upstream); validating admission sees the stored one. */
  private static <T extends HasMetadata> DeleteResult<T> admitAndDelete(RequestScope<T> scope, String namespace,
      String name, String subresource, DeleteOptions o, ApiRequest req) {
    Attributes attributes = scope.admission().admit(new Attributes(Attributes.Operation.DELETE, scope.resource(),
        subresource, namespace, name, Optional.empty(), Optional.empty(), req.user(), o.dryRun()));
    return scope.store().delete(namespace, name, o,
        current -> scope.admission().validate(attributes.with(Optional.empty(), Optional.of(current))));
  }

  static DeleteOptions options(RequestScope<?> scope, ApiRequest req) {
    JsonNode body = req.body().length == 0 ? scope.codec().json().createObjectNode()
        : scope.codec().parseJson(req.body());
    io.fabric8.kubernetes.api.model.DeleteOptions d =
        scope.codec().bind(body, io.fabric8.kubernetes.api.model.DeleteOptions.class);
    OptionalLong grace = d.getGracePeriodSeconds() != null ? OptionalLong.of(d.getGracePeriodSeconds())
        : req.param("gracePeriodSeconds").isEmpty() ? OptionalLong.empty()
        : OptionalLong.of(parseLong(req.param("gracePeriodSeconds"), "gracePeriodSeconds"));
    String policy = d.getPropagationPolicy() != null ? d.getPropagationPolicy() : req.param("propagationPolicy");
    if (policy.isEmpty() && d.getOrphanDependents() != null) {
      policy = d.getOrphanDependents() ? "Orphan" : "Background";
    }
    if (!policy.isEmpty() && !List.of("Orphan", "Background", "Foreground").contains(policy)) {
      throw StatusException.invalid(new io.kube4j.apiserver.api.GroupKind("meta.k8s.io", "DeleteOptions"), "",
          List.of(io.kube4j.apiserver.api.FieldError.notSupported("propagationPolicy", policy,
              List.of("Foreground", "Background", "Orphan"))));
    }
    boolean dryRun = RequestScope.dryRun(req)
        || (d.getDryRun() != null && d.getDryRun().contains("All"));
    Optional<String> uid = Optional.ofNullable(d.getPreconditions()).map(p -> p.getUid());
    Optional<String> rv = Optional.ofNullable(d.getPreconditions()).map(p -> p.getResourceVersion());
    return new DeleteOptions(grace, uid, rv, policy.isEmpty() ? Optional.empty() : Optional.of(policy), dryRun);
  }

  private static long parseLong(String v, String name) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw StatusException.badRequest(name + ": Invalid value: \"" + v + "\": must be an integer");
    }
  }
}
