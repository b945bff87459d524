package io.kube4j.benchmark;

import io.kube4j.apiserver.testing.TestPki;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * What authentication, authorization and admission add to a request: GET /version by a caller
 * without credentials (anonymous; RBAC still allows it as system:public-info-viewer) against
 * requests of a user whose only permission is one RoleBinding among {@code roles} roles and bindings,
 * one client at a time so the figures are latencies, not queueing.
 */
final class AuthCost {

  static final String NAMESPACE = "auth-bench";
  private static final int NAMESPACES = 100;

  private final Runs runs;
  private final ApiClient admin;
  private final Function<SSLContext, ApiClient> clients;
  private final TestPki pki;

  AuthCost(Runs runs, ApiClient admin, Function<SSLContext, ApiClient> clients, TestPki pki) {
    this.runs = runs;
    this.admin = admin;
    this.clients = clients;
    this.pki = pki;
  }

  /** The measurements by name, in the order taken: the baseline first. */
  Map<String, Measurement> run(int roles, long warmup, long count) throws Exception {
    Runs.progress("creating " + roles + " roles and role bindings in " + NAMESPACES + " namespaces");
    for (int n = 0; n < NAMESPACES; n++) {
      admin.post("/api/v1/namespaces", Manifests.namespace("auth-" + n));
    }
    for (int i = 0; i < roles; i++) {
      String ns = "/apis/rbac.authorization.k8s.io/v1/namespaces/auth-" + (i % NAMESPACES);
      admin.post(ns + "/roles", role("role-" + i, "cm-" + i));
      admin.post(ns + "/rolebindings", binding("binding-" + i, "role-" + i, "user-" + i));
    }
    admin.post("/api/v1/namespaces", Manifests.namespace(NAMESPACE));
    String rbac = "/apis/rbac.authorization.k8s.io/v1/namespaces/" + NAMESPACE;
    admin.post(rbac + "/roles", role("reader", "target"));
    admin.post(rbac + "/rolebindings", binding("reader", "reader", "bench-user"));
    String target = "/api/v1/namespaces/" + NAMESPACE + "/configmaps";
    admin.post(target, Manifests.configMap("target", Manifests.padding(64)));

    TestPki.Issued cert = pki.clientCertificate("bench-user", List.of("bench"));
    ApiClient user = clients.apply(Tls.mutual(cert.certPem(), cert.keyPem(), pki.caCert()));
    ApiClient anonymous = clients.apply(Tls.anonymous(pki.caCert()));
    awaitAllowed(user, target + "/target");

    Map<String, Measurement> out = new LinkedHashMap<>();
    out.put("anonymous", runs.measure("GET /version, no credentials", 1, warmup, i -> anonymous.get("/version"),
        count, i -> anonymous.get("/version")));
    out.put("version", runs.measure("GET /version, x509 user + RBAC", 1, warmup, i -> user.get("/version"),
        count, i -> user.get("/version")));
    out.put("get", runs.measure("GET configmap, x509 user + RBAC (" + roles + " roles)", 1, warmup,
        i -> user.get(target + "/target"), count, i -> user.get(target + "/target")));
    out.put("admin", runs.measure("GET configmap, system:masters", 1, warmup, i -> admin.get(target + "/target"),
        count, i -> admin.get(target + "/target")));
    return out;
  }

  /** The binding reaches the authorizer's index a moment after it is written. */
  private static void awaitAllowed(ApiClient user, String path) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    long backoff = 10;
    while (true) {
      try {
        user.get(path);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException("bench-user still cannot read " + path + ": " + e.getMessage(), e);
        }
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 500);
      }
    }
  }

  private static String role(String name, String configMap) {
    return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"Role\",\"metadata\":{\"name\":\"" + name
        + "\"},\"rules\":[{\"apiGroups\":[\"\"],\"resources\":[\"configmaps\"],\"resourceNames\":[\"" + configMap
        + "\"],\"verbs\":[\"get\"]}]}";
  }

  private static String binding(String name, String role, String user) {
    return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"RoleBinding\",\"metadata\":{\"name\":\"" + name
        + "\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\",\"name\":\"" + role
        + "\"},\"subjects\":[{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"User\",\"name\":\"" + user
        + "\"}]}";
  }
}
