package io.kube4j.apiserver.authn.serviceaccount;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs service-account tokens with the service-account key ({@code JWTTokenGenerator}): RS256, a
 * {@code kid} naming the key, upstream's claims including the {@code kubernetes.io} object.
 */
public final class TokenIssuer {

  private final String issuer;
  private final PrivateKey key;
  private final String keyId;

  public TokenIssuer(String issuer, PrivateKey key, PublicKey publicKey) {
    this.issuer = issuer;
    this.key = key;
    this.keyId = keyId(publicKey);
  }

  public String issuer() {
    return issuer;
  }

  public String sign(BoundToken t) {
    Map<String, Object> sa = Map.of("name", t.serviceAccount(), "uid", t.serviceAccountUid());
    Map<String, Object> kubernetes = new LinkedHashMap<>();
    kubernetes.put("namespace", t.namespace());
    kubernetes.put("serviceaccount", sa);
    if (t.boundKind().isPresent()) {
      kubernetes.put(t.boundKind().get().toLowerCase(java.util.Locale.ROOT),
          Map.of("name", t.boundName().orElseThrow(), "uid", t.boundUid().orElseThrow()));
    }
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(t.userName())
        .audience(t.audiences())
        .issueTime(Date.from(t.issuedAt()))
        .notBeforeTime(Date.from(t.issuedAt()))
        .expirationTime(Date.from(t.expiresAt()))
        .jwtID(t.id())
        .claim("kubernetes.io", kubernetes)
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a service-account token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  /** Upstream's key id: the unpadded base64url SHA-256 of the public key's DER encoding. */
  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
