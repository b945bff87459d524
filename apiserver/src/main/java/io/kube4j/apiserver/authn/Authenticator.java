package io.kube4j.apiserver.authn;

/** One way of recognising a caller ({@code authenticator.Request} upstream). Thread safe. */
public interface Authenticator {

  AuthenticationResult authenticate(Credentials credentials);
}
