package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.authn.serviceaccount.BoundToken;
import io.kube4j.apiserver.authn.serviceaccount.TokenIssuer;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens used by a plain HTTPS client: service-account tokens from {@code kubectl create
 * token} name the account, stop working when it (or the pod they are bound to) is deleted, and a
 * tampered or foreign-signed token is a 401; a bootstrap token works while its Secret exists.
 */
class ServiceAccountTokenIT {

  static TestCluster cluster;
  static Kubectl admin;
  static RawApi anonymous;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    admin = new Kubectl(cluster.adminKubeconfig(), Files.createTempDirectory("sa-it"));
    anonymous = RawApi.as(cluster, Optional.empty());
    admin.run("create", "namespace", "dev").assertOk();
  }

  @AfterAll
  static void stop() {
    if (anonymous != null) {
      anonymous.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aTokenWorksAsItsServiceAccountUntilTheAccountIsDeleted() {
    admin.run("create", "serviceaccount", "builder", "-n", "dev").assertOk();
    String token = admin.run("create", "token", "builder", "-n", "dev").assertOk().out().trim();

    RawApi.Reply who = whoami(token);
    assertThat(who.code()).as(who.body()).isEqualTo(201);
    assertThat(who.json().path("status").path("userInfo").path("username").asText())
        .isEqualTo("system:serviceaccount:dev:builder");
    assertThat(who.body()).contains("system:serviceaccounts:dev");
    RawApi.Reply pods = bearer(token, "GET", "/api/v1/namespaces/dev/pods", null);
    RawApi.assertStatus(pods, 403, "Forbidden", "pods is forbidden: User \"system:serviceaccount:dev:builder\" "
        + "cannot list resource \"pods\" in API group \"\" in the namespace \"dev\"");

    admin.run("delete", "serviceaccount", "builder", "-n", "dev").assertOk();
    Conditions.await("the token stops working", Duration.ofSeconds(10), () -> whoami(token).code() == 401);
  }

  @Test
  void aTokenBoundToAPodStopsWorkingWithThePod() {
    admin.run("create", "serviceaccount", "runner", "-n", "dev").assertOk();
    admin.run("run", "p", "--image=busybox:1.36", "-n", "dev", "--overrides",
        "{\"spec\":{\"serviceAccountName\":\"runner\"}}").assertOk();
    String token = admin.run("create", "token", "runner", "-n", "dev", "--bound-object-kind", "Pod",
        "--bound-object-name", "p").assertOk().out().trim();
    assertThat(whoami(token).body()).contains("authentication.kubernetes.io/pod-name").contains("\"p\"");

    admin.run("delete", "pod", "p", "-n", "dev", "--wait=false", "--grace-period=0", "--force").assertOk();
    Conditions.await("the bound token stops working", Duration.ofSeconds(10), () -> whoami(token).code() == 401);
  }

  @Test
  void aTamperedOrForeignSignedTokenIsUnauthorized() throws Exception {
    admin.run("create", "serviceaccount", "victim", "-n", "dev").assertOk();
    String token = admin.run("create", "token", "victim", "-n", "dev").assertOk().out().trim();
    String[] parts = token.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("victim", "admin1");
    String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    RawApi.assertStatus(whoami(tampered), 401, "Unauthorized", "Unauthorized");

    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    KeyPair foreign = gen.generateKeyPair();
    String uid = admin.run("get", "sa", "victim", "-n", "dev", "-o", "jsonpath={.metadata.uid}").assertOk().out();
    String forged = new TokenIssuer("https://kubernetes.default.svc.cluster.local", foreign.getPrivate(),
        foreign.getPublic()).sign(new BoundToken("dev", "victim", uid,
        List.of("https://kubernetes.default.svc.cluster.local"), Instant.now(), Instant.now().plusSeconds(600),
        Optional.empty(), Optional.empty(), Optional.empty(), "forged"));
    RawApi.assertStatus(whoami(forged), 401, "Unauthorized", "Unauthorized");
  }

  @Test
  void aTokenShorterThanTenMinutesIsRefused() {
    admin.run("create", "serviceaccount", "brief", "-n", "dev").assertOk();
    Kubectl.Result r = admin.run("create", "token", "brief", "-n", "dev", "--duration=5m");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("spec.expirationSeconds: Invalid value: 300: may not specify a duration less than "
        + "10 minutes");
  }

  private static RawApi.Reply whoami(String token) {
    return bearer(token, "POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews",
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}");
  }

  private static RawApi.Reply bearer(String token, String method, String path, String body) {
    return anonymous.send(method, path, body == null ? null : "application/json",
        body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Bearer " + token));
  }

  @Test
  void theIssuerPublishesItsKeysForOthersToVerifyTokens() throws Exception {
    try (RawApi api = RawApi.admin(cluster)) {
      RawApi.Reply config = api.get("/.well-known/openid-configuration");
      assertThat(config.code()).isEqualTo(200);
      assertThat(config.json().path("issuer").asText()).isEqualTo("https://kubernetes.default.svc.cluster.local");
      assertThat(config.json().path("jwks_uri").asText()).endsWith("/openid/v1/jwks");
      RawApi.Reply jwks = api.get("/openid/v1/jwks");
      assertThat(jwks.json().path("keys").get(0).path("alg").asText()).isEqualTo("RS256");
      // the published key verifies a token the apiserver issued
      admin.run("create", "serviceaccount", "checker", "-n", "dev").assertOk();
      String token = admin.run("create", "token", "checker", "-n", "dev").assertOk().out().trim();
      var key = com.nimbusds.jose.jwk.RSAKey.parse(jwks.json().path("keys").get(0).toString());
      assertThat(com.nimbusds.jwt.SignedJWT.parse(token).verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key)))
          .isTrue();
    }
    // anonymous callers do not see it (only service accounts are bound to the discovery role)
    assertThat(anonymous.get("/openid/v1/jwks").code()).isEqualTo(403);
  }

  @Test
  void aTokenReviewSaysWhoseATokenIs() {
    admin.run("create", "serviceaccount", "reviewed", "-n", "dev").assertOk();
    String token = admin.run("create", "token", "reviewed", "-n", "dev").assertOk().out().trim();
    try (RawApi api = RawApi.admin(cluster)) {
      RawApi.Reply ok = api.send("POST", "/apis/authentication.k8s.io/v1/tokenreviews", "application/json",
          ("{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenReview\",\"spec\":{\"token\":\""
              + token + "\"}}").getBytes(StandardCharsets.UTF_8));
      assertThat(ok.code()).as(ok.body()).isEqualTo(201);
      assertThat(ok.json().path("status").path("authenticated").asBoolean()).isTrue();
      assertThat(ok.json().path("status").path("user").path("username").asText())
          .isEqualTo("system:serviceaccount:dev:reviewed");
      RawApi.Reply bad = api.send("POST", "/apis/authentication.k8s.io/v1/tokenreviews", "application/json",
          "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenReview\",\"spec\":{\"token\":\"nope\"}}"
              .getBytes(StandardCharsets.UTF_8));
      assertThat(bad.json().path("status").path("authenticated").asBoolean()).isFalse();
    }
  }

  @Test
  void aBootstrapTokenIsItsBootstrapUserUntilItsSecretGoes() {
    admin.run(Map.of(), """
        apiVersion: v1
        kind: Secret
        metadata: {name: bootstrap-token-abcdef, namespace: kube-system}
        type: bootstrap.kubernetes.io/token
        stringData:
          token-id: abcdef
          token-secret: 0123456789abcdef
          usage-bootstrap-authentication: "true"
          auth-extra-groups: system:bootstrappers:kube4j:nodes
        """, "apply", "-f", "-").assertOk();
    String token = "abcdef.0123456789abcdef";
    Conditions.await("the bootstrap token is recognised", Duration.ofSeconds(10), () -> whoami(token).code() == 201);
    assertThat(whoami(token).json().path("status").path("userInfo").path("username").asText())
        .isEqualTo("system:bootstrap:abcdef");
    assertThat(whoami(token).body()).contains("system:bootstrappers:kube4j:nodes");

    admin.run("delete", "secret", "bootstrap-token-abcdef", "-n", "kube-system").assertOk();
    Conditions.await("the token stops working", Duration.ofSeconds(10), () -> whoami(token).code() == 401);
  }
}
