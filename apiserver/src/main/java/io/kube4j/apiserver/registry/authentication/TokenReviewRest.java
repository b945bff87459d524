package io.kube4j.apiserver.registry.authentication;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Authenticator;
import io.kube4j.apiserver.authn.Credentials;
import io.kube4j.apiserver.endpoints.ResourceRouter;
import io.kube4j.apiserver.endpoints.Response;
import io.kube4j.apiserver.endpoints.negotiation.BodyDecoder;
import io.kube4j.apiserver.runtime.Codec;
import java.util.List;
import java.util.Optional;

/**
 * TokenReview: is this bearer token valid, and whose is it? Answered by the same authenticators
 * requests meet (webhook token authenticators of other systems ask this).
 */
public final class TokenReviewRest {

  private TokenReviewRest() {}

  public static ResourceRouter.SubresourceHandler handler(Authenticator authenticator, Codec codec,
      BodyDecoder bodies) {
    return (info, req, responder) -> {
      TokenReview r = bodies.decodeAs(req.header("Content-Type"), req.body(), "authentication.k8s.io/v1",
          "TokenReview", TokenReview.class);
      String token = r.getSpec() == null || r.getSpec().getToken() == null ? "" : r.getSpec().getToken();
      if (token.isEmpty()) {
        throw StatusException.badRequest("token is required for TokenReview in authentication");
      }
      AuthenticationResult result = authenticator.authenticate(new Credentials(List.of(), Optional.of(token)));
      TokenReviewStatus status = new TokenReviewStatus();
      status.setAuthenticated(result instanceof AuthenticationResult.Authenticated);
      if (result instanceof AuthenticationResult.Authenticated ok) {
        UserInfo user = new UserInfo();
        user.setUsername(ok.user().name());
        user.setUid(ok.user().uid().isEmpty() ? null : ok.user().uid());
        user.setGroups(ok.user().groups());
        user.setExtra(ok.user().extra().isEmpty() ? null : ok.user().extra());
        status.setUser(user);
      } else if (result instanceof AuthenticationResult.Rejected rejected) {
        status.setError(rejected.reason());
      } else {
        status.setError("invalid bearer token");
      }
      r.setStatus(status);
      r.setApiVersion("authentication.k8s.io/v1");
      r.setKind("TokenReview");
      responder.respond(Response.json(201, codec.encode(r)));
    };
  }
}
