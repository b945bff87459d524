package io.kube4j.apiserver.registry.authorization;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.kube4j.apiserver.api.GroupKind;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.authorization.AuthorizationAttributes;
import io.kube4j.apiserver.authorization.AuthorizationResult;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.authorization.Decision;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Responder;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.Path;
import java.util.List;
import java.util.Map;

/**
 * SubjectAccessReview (about any user), SelfSubjectAccessReview (about the caller) and
 * LocalSubjectAccessReview (about any user, in one namespace): the spec's attributes go to the same
 * authorizer chain requests meet, and the decision comes back in status.
 */
public final class AccessReviewRest {

  private static final String GROUP = "authorization.k8s.io";

  private final Authorizer authorizer;
  private final Codec codec;
  private final BodyDecoder bodies;

  public AccessReviewRest(Authorizer authorizer, Codec codec, BodyDecoder bodies) {
    this.authorizer = authorizer;
    this.codec = codec;
    this.bodies = bodies;
  }

  public ResourceRouter.SubresourceHandler subjectAccessReviews() {
    return (info, req, responder) -> {
      SubjectAccessReview r = decode(req, SubjectAccessReview.class);
      var spec = r.getSpec() == null ? new io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec()
          : r.getSpec();
      ErrorList errs = attributesErrors(spec.getResourceAttributes(), spec.getNonResourceAttributes());
      boolean noUser = spec.getUser() == null || spec.getUser().isEmpty();
      if (noUser && (spec.getGroups() == null || spec.getGroups().isEmpty())) {
        errs.invalid(Path.root("spec", "user"), spec.getUser() == null ? "" : spec.getUser(),
            "at least one of user or group must be specified");
      }
      failIfInvalid(errs, "SubjectAccessReview");
      UserInfo subject = new UserInfo(noUser ? "" : spec.getUser(), spec.getUid() == null ? "" : spec.getUid(),
          spec.getGroups() == null ? List.of() : spec.getGroups(),
          spec.getExtra() == null ? Map.of() : spec.getExtra());
      r.setStatus(decide(subject, spec.getResourceAttributes(), spec.getNonResourceAttributes()));
      respond(responder, r, "SubjectAccessReview");
    };
  }

  public ResourceRouter.SubresourceHandler selfSubjectAccessReviews() {
    return (info, req, responder) -> {
      SelfSubjectAccessReview r = decode(req, SelfSubjectAccessReview.class);
      var spec = r.getSpec() == null
          ? new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewSpec() : r.getSpec();
      failIfInvalid(attributesErrors(spec.getResourceAttributes(), spec.getNonResourceAttributes()),
          "SelfSubjectAccessReview");
      r.setStatus(decide(caller(req), spec.getResourceAttributes(), spec.getNonResourceAttributes()));
      respond(responder, r, "SelfSubjectAccessReview");
    };
  }

  public ResourceRouter.SubresourceHandler localSubjectAccessReviews() {
    return (info, req, responder) -> {
      LocalSubjectAccessReview r = decode(req, LocalSubjectAccessReview.class);
      var spec = r.getSpec() == null ? new io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec()
          : r.getSpec();
      String namespace = r.getMetadata() == null || r.getMetadata().getNamespace() == null ? info.namespace()
          : r.getMetadata().getNamespace();
      if (!namespace.equals(info.namespace())) {
        throw StatusException.badRequest("the namespace of the provided object does not match the namespace sent "
            + "on the request");
      }
      ErrorList errs = attributesErrors(spec.getResourceAttributes(), spec.getNonResourceAttributes());
      if (spec.getNonResourceAttributes() != null) {
        errs.invalid(Path.root("spec", "nonResourceAttributes"), spec.getNonResourceAttributes(),
            "disallowed on this kind of request");
      }
      if (spec.getResourceAttributes() != null && !namespace.equals(spec.getResourceAttributes().getNamespace())) {
        errs.invalid(Path.root("spec", "resourceAttributes", "namespace"), spec.getResourceAttributes().getNamespace(),
            "must match metadata.namespace");
      }
      failIfInvalid(errs, "LocalSubjectAccessReview");
      UserInfo subject = new UserInfo(spec.getUser() == null ? "" : spec.getUser(), spec.getUid() == null ? ""
          : spec.getUid(), spec.getGroups() == null ? List.of() : spec.getGroups(),
          spec.getExtra() == null ? Map.of() : spec.getExtra());
      r.setStatus(decide(subject, spec.getResourceAttributes(), null));
      respond(responder, r, "LocalSubjectAccessReview");
    };
  }

  private SubjectAccessReviewStatus decide(UserInfo user, ResourceAttributes ra, NonResourceAttributes na) {
    AuthorizationAttributes a = ra != null
        ? AuthorizationAttributes.resource(user, orEmpty(ra.getVerb()), orEmpty(ra.getNamespace()),
            orEmpty(ra.getGroup()), orEmpty(ra.getVersion()), orEmpty(ra.getResource()), orEmpty(ra.getSubresource()),
            orEmpty(ra.getName()))
        : AuthorizationAttributes.nonResource(user, orEmpty(na.getVerb()), orEmpty(na.getPath()));
    AuthorizationResult result = authorizer.authorize(a);
    SubjectAccessReviewStatus status = new SubjectAccessReviewStatus();
    status.setAllowed(result.decision() == Decision.ALLOW);
    if (result.decision() == Decision.DENY) {
      status.setDenied(true);
    }
    if (!result.reason().isEmpty()) {
      status.setReason(result.reason());
    }
    return status;
  }

  /** {@code ValidateSubjectAccessReviewSpec}: exactly one of the two kinds of attributes. */
  private static ErrorList attributesErrors(ResourceAttributes ra, NonResourceAttributes na) {
    ErrorList errs = new ErrorList();
    if (ra != null && na != null) {
      errs.invalid(Path.root("spec", "nonResourceAttributes"), na,
          "cannot be specified in combination with resourceAttributes");
    }
    if (ra == null && na == null) {
      errs.required(Path.root("spec", "resourceAttributes"),
          "exactly one of nonResourceAttributes or resourceAttributes must be specified");
    }
    return errs;
  }

  static UserInfo caller(ApiRequest req) {
    return req.user().orElseThrow(StatusException::unauthorized);
  }

  private <T> T decode(ApiRequest req, Class<T> type) {
    return bodies.decodeAs(req.header("Content-Type"), req.body(), GROUP + "/v1", type.getSimpleName(), type);
  }

  private void respond(Responder responder, HasMetadata review, String kind) {
    com.fasterxml.jackson.databind.node.ObjectNode json = codec.json().valueToTree(review);
    json.put("apiVersion", GROUP + "/v1");
    json.put("kind", kind);
    responder.respond(Response.json(201, codec.encode(json)));
  }

  private static void failIfInvalid(ErrorList errs, String kind) {
    if (!errs.isEmpty()) {
      throw StatusException.invalid(new GroupKind(GROUP, kind), "", errs);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
