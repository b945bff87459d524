package io.kube4j.apiserver.authn.serviceaccount;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Authenticator;
import io.kube4j.apiserver.authn.Credentials;
import io.kube4j.apiserver.authn.UserInfo;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises service-account tokens ({@code JWTTokenAuthenticator}): a JWT from another issuer is
 * no opinion; one from this issuer must be signed by a service-account key, unexpired, for one of
 * the apiserver's audiences, and name a service account (and bound object) that still exists with
 * the same uid — otherwise it is rejected (401).
 */
public final class ServiceAccountTokenAuthenticator implements Authenticator {

  /** Whether an object still exists with this uid. */
  public interface Lookup {
    Optional<String> uid(String kind, String namespace, String name);
  }

  private final String issuer;
  private final List<RSAPublicKey> keys;
  private final List<String> audiences;
  private final Lookup lookup;
  private final Clock clock;

  public ServiceAccountTokenAuthenticator(String issuer, List<RSAPublicKey> keys, List<String> audiences,
      Lookup lookup, Clock clock) {
    this.issuer = issuer;
    this.keys = List.copyOf(keys);
    this.audiences = List.copyOf(audiences);
    this.lookup = lookup;
    this.clock = clock;
  }

  @Override
  public AuthenticationResult authenticate(Credentials credentials) {
    if (credentials.bearerToken().isEmpty()) {
      return new AuthenticationResult.NoOpinion();
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(credentials.bearerToken().get());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return new AuthenticationResult.NoOpinion();
    }
    if (!issuer.equals(claims.getIssuer())) {
      return new AuthenticationResult.NoOpinion();
    }
    if (!verified(jwt)) {
      return rejected("invalid signature");
    }
    Instant now = clock.instant();
    if (claims.getExpirationTime() != null && !now.isBefore(claims.getExpirationTime().toInstant())) {
      return rejected("token has expired");
    }
    if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
      return rejected("token is not yet valid");
    }
    if (claims.getAudience() == null || claims.getAudience().stream().noneMatch(audiences::contains)) {
      return rejected("token audiences " + claims.getAudience() + " is invalid for the target audiences " + audiences);
    }
    try {
      return user(claims);
    } catch (ClassCastException | NullPointerException e) {
      return rejected("token lacks the kubernetes.io claims");
    }
  }

  @SuppressWarnings("unchecked")
  private AuthenticationResult user(JWTClaimsSet claims) {
    Map<String, Object> k8s = (Map<String, Object>) claims.getClaim("kubernetes.io");
    String ns = (String) k8s.get("namespace");
    Map<String, Object> sa = (Map<String, Object>) k8s.get("serviceaccount");
    String name = (String) sa.get("name");
    String uid = (String) sa.get("uid");
    if (!lookup.uid("ServiceAccount", ns, name).map(uid::equals).orElse(false)) {
      return rejected("service account " + ns + "/" + name + " has been deleted or recreated");
    }
    String extraPodName = null;
    String extraPodUid = null;
    for (String kind : List.of("pod", "secret")) {
      Map<String, Object> bound = (Map<String, Object>) k8s.get(kind);
      if (bound == null) {
        continue;
      }
      String boundName = (String) bound.get("name");
      String boundUid = (String) bound.get("uid");
      String typeName = kind.equals("pod") ? "Pod" : "Secret";
      if (!lookup.uid(typeName, ns, boundName).map(boundUid::equals).orElse(false)) {
        return rejected(kind + " " + ns + "/" + boundName + " the token is bound to has been deleted or recreated");
      }
      if (kind.equals("pod")) {
        extraPodName = boundName;
        extraPodUid = boundUid;
      }
    }
    Map<String, List<String>> extra = new java.util.LinkedHashMap<>();
    if (claims.getJWTID() != null) {
      extra.put("authentication.kubernetes.io/credential-id", List.of("JTI=" + claims.getJWTID()));
    }
    if (extraPodName != null) {
      extra.put("authentication.kubernetes.io/pod-name", List.of(extraPodName));
      extra.put("authentication.kubernetes.io/pod-uid", List.of(extraPodUid));
    }
    UserInfo user = new UserInfo("system:serviceaccount:" + ns + ":" + name, uid,
        List.of("system:serviceaccounts", "system:serviceaccounts:" + ns), Map.copyOf(extra));
    return new AuthenticationResult.Authenticated(user, "serviceaccount");
  }

  private boolean verified(SignedJWT jwt) {
    for (RSAPublicKey key : keys) {
      try {
        if (jwt.verify(new RSASSAVerifier(key))) {
          return true;
        }
      } catch (JOSEException e) {
        // not this key's algorithm: try the next
      }
    }
    return false;
  }

  private static AuthenticationResult rejected(String why) {
    return new AuthenticationResult.Rejected(why);
  }
}
