package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import io.kube4j.controllermanager.ControllerManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service account and root CA publisher controllers: every namespace gets its {@code default}
 * service account (back when deleted) and {@code kube-root-ca.crt}; {@code kubectl create token default}
 * then works in a fresh namespace, and the token authenticates; pods get the service account's token
 * volume from the ServiceAccount admission plugin.
 */
class ServiceAccountControllersIT {

  static ControllerManagerEnvironment env;
  static TestCluster cluster;
  static ControllerManager manager;
  static KubernetesClient admin;

  @BeforeAll
  static void start() {
    env = ControllerManagerEnvironment.start("sa-controllers-it");
    cluster = env.cluster;
    manager = env.manager;
    admin = env.admin;
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void aNewNamespaceGetsItsDefaultServiceAccountBackWhenDeleted() {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build())
        .create();
    Conditions.await("default service account in team-a", Duration.ofSeconds(20),
        () -> admin.serviceAccounts().inNamespace("team-a").withName("default").get() != null);
    String firstUid = admin.serviceAccounts().inNamespace("team-a").withName("default").get().getMetadata().getUid();

    admin.serviceAccounts().inNamespace("team-a").withName("default").delete();

    Conditions.await("default service account recreated", Duration.ofSeconds(20), () -> {
      var sa = admin.serviceAccounts().inNamespace("team-a").withName("default").get();
      return sa != null && !sa.getMetadata().getUid().equals(firstUid);
    });
    // the controllers act as their own service accounts, made for them in kube-system
    assertThat(admin.serviceAccounts().inNamespace("kube-system").withName("service-account-controller").get())
        .isNotNull();
  }

  @Test
  void everyNamespaceGetsTheClusterCaAndAChangedCopyIsRestored() throws IOException {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-b").endMetadata().build())
        .create();
    String ca = Files.readString(cluster.pki().caCert());
    Conditions.await("kube-root-ca.crt in team-b", Duration.ofSeconds(20),
        () -> admin.configMaps().inNamespace("team-b").withName("kube-root-ca.crt").get() != null);
    ConfigMap published = admin.configMaps().inNamespace("team-b").withName("kube-root-ca.crt").get();
    assertThat(published.getData()).containsEntry("ca.crt", ca);
    assertThat(published.getMetadata().getAnnotations()).containsKey("kubernetes.io/description");
    // kube-system, created by the apiserver at start, has one too
    assertThat(admin.configMaps().inNamespace("kube-system").withName("kube-root-ca.crt").get()).isNotNull();

    admin.configMaps().inNamespace("team-b").withName("kube-root-ca.crt")
        .edit(cm -> { cm.getData().put("ca.crt", "tampered"); return cm; });

    Conditions.await("the CA restored", Duration.ofSeconds(20), () -> ca.equals(
        admin.configMaps().inNamespace("team-b").withName("kube-root-ca.crt").get().getData().get("ca.crt")));
  }

  @Test
  void createTokenForTheDefaultServiceAccountOfAFreshNamespaceWorks() throws Exception {
    Kubectl kubectl = env.kubectl();
    kubectl.run("create", "namespace", "dev").assertOk();
    Conditions.await("default service account in dev", Duration.ofSeconds(20),
        () -> kubectl.run("get", "serviceaccount", "default", "-n", "dev").exit() == 0);

    String token = kubectl.run("create", "token", "default", "-n", "dev").assertOk().out().trim();

    HttpResponse<String> whoami = selfSubjectReview(token);
    assertThat(whoami.statusCode()).isEqualTo(201);
    assertThat(whoami.body()).contains("system:serviceaccount:dev:default");
  }

  @Test
  void aPodInAFreshNamespaceRunsAsDefaultWithTheTokenVolume() {
    Kubectl kubectl = env.kubectl();
    kubectl.run("create", "namespace", "apps").assertOk();
    Conditions.await("default service account in apps", Duration.ofSeconds(20),
        () -> kubectl.run("get", "serviceaccount", "default", "-n", "apps").exit() == 0);

    kubectl.run("run", "web", "--image=nginx", "-n", "apps").assertOk();

    assertThat(kubectl.run("get", "pod", "web", "-n", "apps", "-o",
        "jsonpath={.spec.serviceAccountName} {.spec.containers[0].volumeMounts[0].mountPath} "
            + "{.spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds}").out())
        .isEqualTo("default /var/run/secrets/kubernetes.io/serviceaccount 3607");
    assertThat(kubectl.run("get", "pod", "web", "-n", "apps", "-o", "jsonpath={.spec.volumes[0].name}").out())
        .startsWith("kube-api-access-");

    Kubectl.Result ghost = kubectl.run("run", "ghost", "--image=nginx", "-n", "apps", "--overrides",
        "{\"spec\":{\"serviceAccountName\":\"ghost\"}}");
    assertThat(ghost.exit()).isEqualTo(1);
    assertThat(ghost.err()).contains("pods \"ghost\" is forbidden: error looking up service account apps/ghost: "
        + "serviceaccount \"ghost\" not found");
  }

  @Test
  void healthAndMetricsAreServed() throws Exception {
    Conditions.await("ready", Duration.ofSeconds(20), () -> get("/readyz").statusCode() == 200);
    assertThat(get("/healthz").body()).isEqualTo("ok");
    String metrics = get("/metrics").body();
    assertThat(metrics).contains("leader_election_master_status{name=\"kube-controller-manager\"} 1")
        .contains("workqueue_adds_total{name=\"serviceaccount-controller\"}")
        .contains("workqueue_depth{name=\"certificatesigningrequest-signing-controller\"}")
        .contains("workqueue_queue_duration_seconds{name=\"root-ca-certificate-publisher-controller\",quantile=\"0.99\"}");
  }

  private static HttpResponse<String> get(String path) {
    try {
      HttpClient client = HttpClient.newBuilder().sslContext(io.kube4j.pki.cert.TlsContexts.client(
          java.util.List.of(io.kube4j.pki.cert.Pem.readCertificate(cluster.pki().caCert())),
          java.util.Optional.empty())).build();
      return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + manager.securePort() + path))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> selfSubjectReview(String token) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(io.kube4j.pki.cert.TlsContexts.client(
        java.util.List.of(io.kube4j.pki.cert.Pem.readCertificate(cluster.pki().caCert())),
        java.util.Optional.empty())).build();
    return client.send(HttpRequest.newBuilder(URI.create(cluster.url()
            + "/apis/authentication.k8s.io/v1/selfsubjectreviews"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
