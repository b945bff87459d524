package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.pki.cert.Pem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admission webhooks served by a small HTTPS server in the test and registered with the real
 * kubectl: one adds an annotation, one refuses labelled objects, and an unreachable one fails the
 * request or is ignored as its failurePolicy says.
 */
class AdmissionWebhookIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static TestCluster cluster;
  static Kubectl admin;
  static HttpsServer server;

  @BeforeAll
  static void start() throws Exception {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    admin = new Kubectl(cluster.adminKubeconfig(), Files.createTempDirectory("webhook-it"));
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls()));
    server.createContext("/mutate", ex -> answer(ex, review -> Map.of("allowed", true, "patchType", "JSONPatch",
        "warnings", List.of("annotated by the test webhook"),
        "patch", Base64.getEncoder().encodeToString(
            "[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{\"mutated-by\":\"webhook\"}}]"
                .getBytes(StandardCharsets.UTF_8)))));
    server.createContext("/validate", ex -> answer(ex, review -> {
      boolean forbidden = "true".equals(review.path("request").path("object").path("metadata").path("labels")
          .path("forbidden").asText());
      return forbidden ? Map.of("allowed", false, "status", Map.of("code", 403,
          "message", "objects labelled forbidden=true are not welcome")) : Map.of("allowed", true);
    }));
    // two webhooks on service accounts: a (IfNeeded) records whether it saw b's annotation; b adds it
    server.createContext("/reinvoke-a", ex -> answer(ex, review -> annotate(review, "a-saw-b",
        Boolean.toString(review.path("request").path("object").path("metadata").path("annotations").has("b")))));
    server.createContext("/reinvoke-b", ex -> answer(ex, review -> annotate(review, "b", "yes")));
    server.start();
    String url = "https://127.0.0.1:" + server.getAddress().getPort();
    String ca = cluster.pki().caCertBase64();
    admin.run(Map.of(), """
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata: {name: annotate}
        webhooks:
        - name: annotate.kube4j.example.com
          clientConfig: {url: "%1$s/mutate", caBundle: %2$s}
          rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [configmaps]}]
          sideEffects: None
          admissionReviewVersions: [v1]
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: {name: police}
        webhooks:
        - name: police.kube4j.example.com
          clientConfig: {url: "%1$s/validate", caBundle: %2$s}
          rules: [{operations: [CREATE, UPDATE], apiGroups: [""], apiVersions: [v1], resources: [configmaps]}]
          sideEffects: None
          admissionReviewVersions: [v1]
        - name: unreachable-fail.kube4j.example.com
          clientConfig: {url: "https://127.0.0.1:1/nobody", caBundle: %2$s}
          rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [secrets]}]
          failurePolicy: Fail
          sideEffects: None
          admissionReviewVersions: [v1]
        - name: unreachable-ignore.kube4j.example.com
          clientConfig: {url: "https://127.0.0.1:1/nobody", caBundle: %2$s}
          rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [services]}]
          failurePolicy: Ignore
          sideEffects: None
          admissionReviewVersions: [v1]
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata: {name: reinvoke-a}
        webhooks:
        - name: a.kube4j.example.com
          clientConfig: {url: "%1$s/reinvoke-a", caBundle: %2$s}
          rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [serviceaccounts]}]
          reinvocationPolicy: IfNeeded
          sideEffects: None
          admissionReviewVersions: [v1]
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata: {name: reinvoke-b}
        webhooks:
        - name: b.kube4j.example.com
          clientConfig: {url: "%1$s/reinvoke-b", caBundle: %2$s}
          rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [serviceaccounts]}]
          sideEffects: None
          admissionReviewVersions: [v1]
        """.formatted(url, ca), "apply", "-f", "-").assertOk();
    // consistent lists: once kubectl sees them, admission (which reads the same caches) does
    admin.run("get", "mutatingwebhookconfigurations,validatingwebhookconfigurations").assertOk();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theMutatingWebhookAnnotatesWhatIsCreatedAndItsWarningReachesKubectl() {
    Kubectl.Result created = admin.run("create", "configmap", "touched", "--from-literal=k=v").assertOk();
    assertThat(created.err()).contains("Warning: annotated by the test webhook");
    assertThat(admin.run("get", "configmap", "touched", "-o", "jsonpath={.metadata.annotations.mutated-by}").out())
        .isEqualTo("webhook");
  }

  @Test
  void theValidatingWebhookRefusesLabelledObjectsAndNothingIsStored() {
    Kubectl.Result r = admin.run(Map.of(), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: shunned, labels: {forbidden: "true"}}
        """, "apply", "-f", "-");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("admission webhook \"police.kube4j.example.com\" denied the request: objects "
        + "labelled forbidden=true are not welcome");
    assertThat(admin.run("get", "configmap", "shunned").err()).contains("NotFound");
  }

  @Test
  void anUnreachableWebhookFailsOrIsIgnoredAsItsPolicySays() {
    Kubectl.Result failed = admin.run("create", "secret", "generic", "s", "--from-literal=k=v");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.err()).contains("Internal error occurred: failed calling webhook "
        + "\"unreachable-fail.kube4j.example.com\": failed to call webhook: Post \"https://127.0.0.1:1/nobody\"");
    assertThat(admin.run("get", "secret", "s").err()).contains("NotFound");

    admin.run("create", "service", "clusterip", "ignored", "--tcp=80:80").assertOk();
  }

  @Test
  void aWebhookAskingForReinvocationSeesWhatALaterWebhookChanged() {
    admin.run("create", "serviceaccount", "robot").assertOk();
    assertThat(admin.run("get", "serviceaccount", "robot", "-o",
        "jsonpath={.metadata.annotations.a-saw-b} {.metadata.annotations.b}").out()).isEqualTo("true yes");
  }

  /** A JSON patch setting one annotation, creating the map when the object has none. */
  private static Map<String, Object> annotate(JsonNode review, String key, String value) {
    boolean hasAnnotations = review.path("request").path("object").path("metadata").has("annotations");
    String op = hasAnnotations
        ? "[{\"op\":\"add\",\"path\":\"/metadata/annotations/" + key + "\",\"value\":\"" + value + "\"}]"
        : "[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{\"" + key + "\":\"" + value + "\"}}]";
    return Map.of("allowed", true, "patchType", "JSONPatch",
        "patch", Base64.getEncoder().encodeToString(op.getBytes(StandardCharsets.UTF_8)));
  }

  private interface Answer {
    Map<String, Object> response(JsonNode review);
  }

  private static void answer(HttpExchange ex, Answer answer) throws IOException {
    JsonNode review = JSON.readTree(ex.getRequestBody());
    Map<String, Object> response = new java.util.HashMap<>(answer.response(review));
    response.put("uid", review.path("request").path("uid").asText());
    byte[] body = JSON.writeValueAsBytes(Map.of("apiVersion", "admission.k8s.io/v1", "kind", "AdmissionReview",
        "response", response));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  /** Serves with the apiserver's own certificate (signed by the cluster CA, valid for 127.0.0.1). */
  private static SSLContext tls() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("webhook", Pem.readPrivateKey(cluster.pki().serverCert().resolveSibling(
        cluster.pki().serverKey().getFileName())), "x".toCharArray(),
        Pem.readCertificates(cluster.pki().serverCert()).toArray(Certificate[]::new));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "x".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    return tls;
  }
}
