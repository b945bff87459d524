package io.kube4j.apiserver.authn;

/** What one authenticator concluded about a request's credentials. */
public sealed interface AuthenticationResult {

  /** The credentials prove this user. */
  record Authenticated(UserInfo user, String authenticator) implements AuthenticationResult {}

  /** These credentials are not this authenticator's kind; ask the next one. */
  record NoOpinion() implements AuthenticationResult {}

  /** The credentials are of this authenticator's kind but invalid: the request gets 401. */
  record Rejected(String reason) implements AuthenticationResult {}
}
