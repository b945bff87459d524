package io.kube4j.controllermanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl delete ns}: everything inside goes, then the namespace; an object whose finalizer
 * never finishes keeps it Terminating, with conditions saying what remains and why.
 */
class NamespaceControllerIT {

  static ControllerManagerEnvironment env;
  static KubernetesClient admin;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    Kubectl.assumeAvailable();
    env = ControllerManagerEnvironment.start("namespace-it");
    admin = env.admin;
    kubectl = env.kubectl();
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void deletingANamespaceDeletesEverythingInItThenTheNamespace() {
    kubectl.run("create", "namespace", "doomed").assertOk();
    Conditions.await("default service account", Duration.ofSeconds(20),
        () -> kubectl.run("get", "serviceaccount", "default", "-n", "doomed").exit() == 0);
    kubectl.run("create", "configmap", "settings", "--from-literal=a=b", "-n", "doomed").assertOk();
    kubectl.run("create", "secret", "generic", "token", "--from-literal=t=x", "-n", "doomed").assertOk();
    kubectl.run("create", "service", "clusterip", "web", "--tcp=80:8080", "-n", "doomed").assertOk();
    kubectl.run("create", "deployment", "web", "--image=nginx", "-n", "doomed").assertOk();
    kubectl.run("run", "lonely", "--image=nginx", "-n", "doomed").assertOk();
    kubectl.run("create", "role", "reader", "--verb=get", "--resource=pods", "-n", "doomed").assertOk();

    // kubectl waits until the namespace is gone
    Kubectl.Result deleted = kubectl.run("delete", "namespace", "doomed", "--timeout=60s");

    deleted.assertOk();
    assertThat(deleted.out()).contains("namespace \"doomed\" deleted");
    assertThat(kubectl.run("get", "namespace", "doomed").err()).contains("namespaces \"doomed\" not found");
    assertThat(kubectl.run("get", "configmaps,secrets,services,deployments,pods,roles,serviceaccounts", "-n", "doomed",
        "-o", "name").out()).isEmpty();
  }

  @Test
  void anObjectWhoseFinalizerNeverGoesKeepsTheNamespaceTerminatingAndSaysWhy() {
    kubectl.run("create", "namespace", "stuck").assertOk();
    kubectl.run("create", "configmap", "held", "--from-literal=a=b", "-n", "stuck").assertOk();
    kubectl.run("patch", "configmap", "held", "-n", "stuck", "--type=merge", "-p",
        "{\"metadata\":{\"finalizers\":[\"example.com/never\"]}}").assertOk();

    kubectl.run("delete", "namespace", "stuck", "--wait=false").assertOk();

    Conditions.await("the namespace reports its remaining content", Duration.ofSeconds(30),
        () -> condition("stuck", "NamespaceFinalizersRemaining").map(c -> c.getStatus().equals("True")).orElse(false));
    assertThat(admin.namespaces().withName("stuck").get().getStatus().getPhase()).isEqualTo("Terminating");
    assertThat(condition("stuck", "NamespaceFinalizersRemaining").orElseThrow().getMessage())
        .isEqualTo("Some content in the namespace has finalizers remaining: example.com/never in 1 resource instances");
    assertThat(condition("stuck", "NamespaceContentRemaining").orElseThrow().getMessage())
        .isEqualTo("Some resources are remaining: configmaps. has 1 resource instances");
    assertThat(condition("stuck", "NamespaceDeletionDiscoveryFailure").orElseThrow().getStatus()).isEqualTo("False");
    assertThat(kubectl.run("get", "namespace", "stuck").out()).contains("Terminating");

    // whoever owns the finalizer finishes: the namespace goes on the controller's next look
    kubectl.run("patch", "configmap", "held", "-n", "stuck", "--type=merge", "-p",
        "{\"metadata\":{\"finalizers\":null}}").assertOk();
    Conditions.await("the namespace is gone", Duration.ofSeconds(30),
        () -> admin.namespaces().withName("stuck").get() == null);
  }

  private static java.util.Optional<NamespaceCondition> condition(String namespace, String type) {
    Namespace ns = admin.namespaces().withName(namespace).get();
    if (ns == null || ns.getStatus() == null || ns.getStatus().getConditions() == null) {
      return java.util.Optional.empty();
    }
    return ns.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

}
