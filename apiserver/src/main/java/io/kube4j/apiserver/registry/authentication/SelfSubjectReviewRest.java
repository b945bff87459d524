package io.kube4j.apiserver.registry.authentication;

import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.runtime.Codec;

/** SelfSubjectReview: the caller's user as authentication (and impersonation) left it. */
public final class SelfSubjectReviewRest {

  private SelfSubjectReviewRest() {}

  public static ResourceRouter.SubresourceHandler handler(Codec codec, BodyDecoder bodies) {
    return (info, req, responder) -> {
      io.kube4j.apiserver.authn.UserInfo user = req.user().orElseThrow(StatusException::unauthorized);
      SelfSubjectReview r = req.body().length == 0 ? new SelfSubjectReview()
          : bodies.decodeAs(req.header("Content-Type"), req.body(), "authentication.k8s.io/v1", "SelfSubjectReview",
              SelfSubjectReview.class);
      UserInfo info1 = new UserInfo();
      info1.setUsername(user.name());
      if (!user.uid().isEmpty()) {
        info1.setUid(user.uid());
      }
      info1.setGroups(user.groups());
      if (!user.extra().isEmpty()) {
        info1.setExtra(user.extra());
      }
      SelfSubjectReviewStatus status = new SelfSubjectReviewStatus();
      status.setUserInfo(info1);
      r.setStatus(status);
      r.setApiVersion("authentication.k8s.io/v1");
      r.setKind("SelfSubjectReview");
      responder.respond(Response.json(201, codec.encode(r)));
    };
  }
}
