package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RBAC as a user meets it through the real kubectl: jane (group dev) is forbidden until an admin
 * binds her to the view role in one namespace, and {@code kubectl auth} answers the same.
 */
class RbacKubectlIT {

  static TestCluster cluster;
  static Kubectl admin;
  static Kubectl jane;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    Path dir = Files.createTempDirectory("rbac-it");
    admin = new Kubectl(cluster.adminKubeconfig(), Files.createDirectories(dir.resolve("admin")));
    Path janeConfig = cluster.pki().kubeconfig(dir.resolve("jane.kubeconfig"), cluster.url(), "jane", List.of("dev"));
    jane = new Kubectl(janeConfig, Files.createDirectories(dir.resolve("jane")));
    admin.run("create", "namespace", "dev").assertOk();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void janeIsForbiddenUntilBoundToViewInHerNamespaceOnly() {
    Kubectl.Result denied = jane.run("get", "pods", "-n", "dev");
    assertThat(denied.exit()).isEqualTo(1);
    assertThat(denied.err()).contains("Error from server (Forbidden): pods is forbidden: User \"jane\" cannot list "
        + "resource \"pods\" in API group \"\" in the namespace \"dev\"");
    assertThat(jane.run("auth", "can-i", "list", "pods", "-n", "dev").out().trim()).isEqualTo("no");

    admin.run("create", "rolebinding", "jane-view", "--clusterrole=view", "--user=jane", "-n", "dev").assertOk();

    Conditions.await("jane can list pods in dev", Duration.ofSeconds(10),
        () -> jane.run("get", "pods", "-n", "dev").exit() == 0);
    assertThat(jane.run("get", "pods", "-n", "dev").err()).contains("No resources found in dev namespace.");
    Kubectl.Result elsewhere = jane.run("get", "pods", "-n", "default");
    assertThat(elsewhere.exit()).isEqualTo(1);
    assertThat(elsewhere.err()).contains("pods is forbidden: User \"jane\" cannot list resource \"pods\" in API group "
        + "\"\" in the namespace \"default\"");
    assertThat(jane.run("auth", "can-i", "list", "pods", "-n", "dev").out().trim()).isEqualTo("yes");
    assertThat(jane.run("auth", "can-i", "list", "pods", "-n", "default").out().trim()).isEqualTo("no");
    // view reads but does not read secrets, and never writes
    assertThat(jane.run("auth", "can-i", "get", "secrets", "-n", "dev").out().trim()).isEqualTo("no");
    assertThat(jane.run("auth", "can-i", "create", "pods", "-n", "dev").out().trim()).isEqualTo("no");
  }

  @Test
  void canIListShowsTheRulesOfTheCallersBindings() {
    admin.run("create", "namespace", "listing").assertOk();
    admin.run("create", "role", "cm-reader", "--verb=get,list", "--resource=configmaps", "-n", "listing").assertOk();
    admin.run("create", "rolebinding", "jane-cm", "--role=cm-reader", "--user=jane", "-n", "listing").assertOk();
    Conditions.await("the binding reaches the authorizer", Duration.ofSeconds(10),
        () -> jane.run("auth", "can-i", "list", "configmaps", "-n", "listing").out().trim().equals("yes"));

    String list = jane.run("auth", "can-i", "--list", "-n", "listing").assertOk().out();
    assertThat(list).contains("Resources").contains("configmaps").contains("[get list]")
        .contains("selfsubjectaccessreviews.authorization.k8s.io").contains("[/version]");
  }

  @Test
  void whoamiShowsTheUserAndGroups() {
    String out = jane.run("auth", "whoami").assertOk().out();
    assertThat(out).contains("ATTRIBUTE").contains("Username").contains("jane")
        .contains("Groups").contains("[dev system:authenticated]");
  }

  @Test
  void theAdminHoldsEverythingThroughSystemMasters() {
    assertThat(admin.run("auth", "can-i", "delete", "nodes").out().trim()).isEqualTo("yes");
    assertThat(admin.run("auth", "can-i", "*", "*").out().trim()).isEqualTo("yes");
    String bindings = admin.run("get", "clusterrolebindings", "cluster-admin").assertOk().out();
    assertThat(bindings).contains("ROLE").contains("ClusterRole/cluster-admin");
  }

  @Test
  void aggregatedViewRoleCarriesTheRulesOfItsLabelledRoles() {
    Conditions.await("view is aggregated", Duration.ofSeconds(10),
        () -> admin.run("get", "clusterrole", "view", "-o", "jsonpath={.rules[*].resources}").out().contains("pods"));
    admin.run("create", "clusterrole", "widget-viewer", "--verb=get", "--resource=configmaps").assertOk();
    admin.run("label", "clusterrole", "widget-viewer", "rbac.authorization.k8s.io/aggregate-to-view=true")
        .assertOk();
    admin.run("patch", "clusterrole", "widget-viewer", "--type=json", "-p",
        "[{\"op\":\"add\",\"path\":\"/rules/0/resourceNames\",\"value\":[\"marker-cm\"]}]").assertOk();
    Conditions.await("view aggregates the new role", Duration.ofSeconds(10),
        () -> admin.run("get", "clusterrole", "view", "-o", "json").out().contains("marker-cm"));
  }

  @Test
  void theAdminMayActAsJaneAndJaneMayNotActAsAnyone() {
    String whoami = admin.run("auth", "whoami", "--as=jane", "--as-group=dev").assertOk().out();
    assertThat(whoami).contains("jane").contains("[dev system:authenticated]");
    Kubectl.Result asJane = admin.run("get", "pods", "-n", "kube-public", "--as=jane");
    assertThat(asJane.exit()).isEqualTo(1);
    assertThat(asJane.err()).contains("pods is forbidden: User \"jane\" cannot list resource \"pods\" in API group "
        + "\"\" in the namespace \"kube-public\"");
    assertThat(admin.run("auth", "can-i", "list", "pods", "-n", "kube-public", "--as=jane").out().trim())
        .isEqualTo("no");

    Kubectl.Result escalate = jane.run("get", "pods", "-n", "dev", "--as=kubernetes-admin", "--as-group=system:masters");
    assertThat(escalate.exit()).isEqualTo(1);
    assertThat(escalate.err()).contains("users \"kubernetes-admin\" is forbidden: User \"jane\" cannot impersonate "
        + "resource \"users\" in API group \"\" at the cluster scope");
  }

  @Test
  void aNamespaceAdminCannotGrantWhatSheDoesNotHold() {
    admin.run("create", "namespace", "esc").assertOk();
    admin.run("create", "rolebinding", "jane-admin", "--clusterrole=admin", "--user=jane", "-n", "esc").assertOk();
    Conditions.await("jane administers esc", Duration.ofSeconds(10),
        () -> jane.run("auth", "can-i", "create", "roles", "-n", "esc").out().trim().equals("yes"));

    jane.run("create", "role", "reader", "--verb=get", "--resource=secrets", "-n", "esc").assertOk();

    Kubectl.Result role = jane.run("create", "role", "escalated", "--verb=get", "--resource=nodes", "-n", "esc");
    assertThat(role.exit()).isEqualTo(1);
    assertThat(role.err()).contains("roles.rbac.authorization.k8s.io \"escalated\" is forbidden: user \"jane\" "
        + "(groups=[\"dev\" \"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n"
        + "{APIGroups:[\"\"], Resources:[\"nodes\"], Verbs:[\"get\"]}");
    Kubectl.Result binding = jane.run("create", "rolebinding", "root", "--clusterrole=cluster-admin", "--user=jane",
        "-n", "esc");
    assertThat(binding.exit()).isEqualTo(1);
    assertThat(binding.err()).contains("rolebindings.rbac.authorization.k8s.io \"root\" is forbidden: user \"jane\"")
        .contains("is attempting to grant RBAC permissions not currently held");
    // nothing of either reached etcd
    assertThat(admin.run("get", "role", "escalated", "-n", "esc").err()).contains("NotFound");
    assertThat(admin.run("get", "rolebinding", "root", "-n", "esc").err()).contains("NotFound");
  }
}
