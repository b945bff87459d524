package io.kube4j.apiserver.authn;

import java.util.ArrayList;
import java.util.List;

/**
 * Tries each authenticator in order ({@code union.New} upstream): the first Authenticated or
 * Rejected decides; when none has an opinion the request is unauthenticated. Every authenticated
 * user is put in {@code system:authenticated}.
 */
public final class AuthenticatorChain implements Authenticator {

  private final List<Authenticator> authenticators;

  public AuthenticatorChain(List<Authenticator> authenticators) {
    this.authenticators = List.copyOf(authenticators);
  }

  @Override
  public AuthenticationResult authenticate(Credentials credentials) {
    for (Authenticator a : authenticators) {
      AuthenticationResult r = a.authenticate(credentials);
      if (r instanceof AuthenticationResult.Authenticated ok) {
        return new AuthenticationResult.Authenticated(withAuthenticatedGroup(ok.user()), ok.authenticator());
      }
      if (r instanceof AuthenticationResult.Rejected) {
        return r;
      }
    }
    return new AuthenticationResult.NoOpinion();
  }

  private static UserInfo withAuthenticatedGroup(UserInfo u) {
    if (u.groups().contains(UserInfo.AUTHENTICATED_GROUP)) {
      return u;
    }
    List<String> groups = new ArrayList<>(u.groups());
    groups.add(UserInfo.AUTHENTICATED_GROUP);
    return new UserInfo(u.name(), u.uid(), List.copyOf(groups), u.extra());
  }
}
