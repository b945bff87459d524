package io.kube4j.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.Kubectl;
import io.kube4j.apiserver.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real kubectl against a real apiserver on a real etcd: each command as a user types it. */
class KubectlIT {

  static TestCluster cluster;
  static Kubectl kubectl;
  static Path dir;
  static final ObjectMapper JSON = new ObjectMapper();

  static final String APP = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: demo}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: cfg, namespace: demo}
      data: {k: v}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: sec, namespace: demo}
      data: {password: aHVudGVyMg==}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: demo}
      spec:
        selector: {app: web}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: demo, labels: {app: web}}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: busybox:1.36, command: [sleep, "3600"]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: solo, namespace: demo, labels: {env: a}}
      spec:
        containers: [{name: c, image: busybox:1.36}]
      """;

  @BeforeAll
  static void start() throws IOException {
    Kubectl.assumeAvailable();
    cluster = TestCluster.start();
    dir = Files.createTempDirectory("kubectl-it");
    kubectl = new Kubectl(cluster.adminKubeconfig(), dir);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static void namespace(String name) {
    kubectl.run("create", "namespace", name).assertOk();
  }

  private static Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  private static void pod(String ns, String name, String labels) throws IOException {
    Path f = file(name + ".yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", labels: {" + labels
        + "}}\nspec:\n  containers: [{name: c, image: busybox:1.36}]\n");
    kubectl.run("create", "-n", ns, "-f", f.toString()).assertOk();
  }

  @Test
  void getNamespacesListsTheSystemNamespacesAsActive() {
    Kubectl.Result r = kubectl.run("get", "ns").assertOk();
    assertThat(r.out()).startsWith("NAME").contains("STATUS").contains("AGE");
    assertThat(r.out()).containsPattern("default\\s+Active").containsPattern("kube-system\\s+Active")
        .containsPattern("kube-public\\s+Active").containsPattern("kube-node-lease\\s+Active");
  }

  @Test
  void createNamespacePrintsCreated() {
    assertThat(kubectl.run("create", "ns", "x").assertOk().out()).isEqualTo("namespace/x created\n");
    assertThat(kubectl.run("get", "ns", "x").assertOk().out()).containsPattern("x\\s+Active");
  }

  @Test
  void getAllInAllNamespacesShowsTheKubernetesService() {
    assertThat(kubectl.run("get", "all", "-A").assertOk().out())
        .containsPattern("default\\s+service/kubernetes\\s+ClusterIP\\s+10\\.96\\.0\\.1\\s+<none>\\s+443/TCP");
  }

  @Test
  void apiResourcesListsTheServedResources() {
    String out = kubectl.run("api-resources").assertOk().out();
    assertThat(out).startsWith("NAME").contains("SHORTNAMES").contains("APIVERSION").contains("NAMESPACED");
    assertThat(out).containsPattern("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment")
        .containsPattern("namespaces\\s+ns\\s+v1\\s+false\\s+Namespace")
        .containsPattern("leases\\s+coordination.k8s.io/v1\\s+true\\s+Lease");
  }

  @Test
  void explainDescribesContainerFields() {
    String out = kubectl.run("explain", "pod.spec.containers").assertOk().out();
    assertThat(out).contains("KIND:       Pod").contains("FIELD: containers <[]Container>")
        .containsPattern("image\\s+<string>").containsPattern("name\\s+<string> -required-");
  }

  @Test
  void applyTwiceCreatesThenLeavesEverythingUnchanged() throws IOException {
    Path f = file("app.yaml", APP);
    assertThat(kubectl.run("apply", "-f", f.toString()).assertOk().out()).isEqualTo("""
        namespace/demo created
        configmap/cfg created
        secret/sec created
        service/web created
        deployment.apps/web created
        pod/solo created
        """);
    assertThat(kubectl.run("apply", "-f", f.toString()).assertOk().out()).isEqualTo("""
        namespace/demo unchanged
        configmap/cfg unchanged
        secret/sec unchanged
        service/web unchanged
        deployment.apps/web unchanged
        pod/solo unchanged
        """);
    Path changed = file("app2.yaml", APP.replace("data: {k: v}", "data: {k: v2}"));
    assertThat(kubectl.run("apply", "-f", changed.toString()).assertOk().out()).contains("configmap/cfg configured")
        .contains("service/web unchanged");
    assertThat(kubectl.run("get", "cm", "cfg", "-n", "demo", "-o", "jsonpath={.data.k}").assertOk().out()).isEqualTo("v2");
  }

  @Test
  void getPodsInEveryOutputFormat() throws IOException {
    namespace("out");
    pod("out", "p1", "env: a");
    assertThat(kubectl.run("get", "pods", "-n", "out", "-o", "wide").assertOk().out())
        .containsPattern("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\s+IP\\s+NODE\\s+NOMINATED NODE\\s+READINESS GATES")
        .containsPattern("p1\\s+0/1\\s+Pending\\s+0\\s+\\S+\\s+<none>\\s+<none>\\s+<none>\\s+<none>");
    assertThat(kubectl.run("get", "pod", "p1", "-n", "out", "-o", "yaml").assertOk().out())
        .contains("kind: Pod").contains("restartPolicy: Always").contains("dnsPolicy: ClusterFirst")
        .contains("terminationMessagePath: /dev/termination-log").contains("phase: Pending");
    JsonNode json = JSON.readTree(kubectl.run("get", "pods", "-n", "out", "-o", "json").assertOk().out());
    assertThat(json.path("items").get(0).path("spec").path("schedulerName").asText()).isEqualTo("default-scheduler");
    assertThat(kubectl.run("get", "pods", "-n", "out", "--show-labels").assertOk().out())
        .containsPattern("LABELS").containsPattern("p1.*env=a");
  }

  @Test
  void selectorsFilterWhatGetShows() throws IOException {
    namespace("sel");
    pod("sel", "a", "env: a");
    pod("sel", "b", "env: b");
    pod("sel", "c", "env: c");
    String set = kubectl.run("get", "pods", "-n", "sel", "-l", "env in (a,b)", "-o", "name").assertOk().out();
    assertThat(set).isEqualTo("pod/a\npod/b\n");
    String field = kubectl.run("get", "pods", "-n", "sel", "--field-selector", "metadata.name=c", "-o", "name")
        .assertOk().out();
    assertThat(field).isEqualTo("pod/c\n");
    assertThat(kubectl.run("get", "pods", "-n", "sel", "--field-selector", "status.phase=Running").assertOk().err())
        .contains("No resources found in sel namespace.");
  }

  @Test
  void getWatchPrintsChangesAsTheyHappen() throws Exception {
    namespace("watch");
    Path out = dir.resolve("watch.txt");
    Process watch = kubectl.start(out, "get", "configmaps", "-n", "watch", "-w");
    try {
      Conditions.await("the watch to start", Duration.ofSeconds(30),
          () -> cluster.apiServer().store("", "configmaps").cache().watcherCount() > 0);
      kubectl.run("create", "configmap", "seen", "-n", "watch", "--from-literal=a=b").assertOk();
      Conditions.await("the new configmap printed", Duration.ofSeconds(30), () -> read(out).contains("seen"));
    } finally {
      watch.destroy();
    }
    assertThat(read(out)).containsPattern("seen\\s+1\\s+\\S+");
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void labelAnnotateAndTheThreePatchTypes() {
    namespace("patch");
    kubectl.run("create", "configmap", "cfg", "-n", "patch", "--from-literal=k=v").assertOk();
    assertThat(kubectl.run("label", "cm", "cfg", "-n", "patch", "tier=db").assertOk().out())
        .isEqualTo("configmap/cfg labeled\n");
    assertThat(kubectl.run("annotate", "cm", "cfg", "-n", "patch", "note=hi").assertOk().out())
        .isEqualTo("configmap/cfg annotated\n");
    assertThat(kubectl.run("patch", "cm", "cfg", "-n", "patch", "--type", "merge", "-p", "{\"data\":{\"m\":\"1\"}}")
        .assertOk().out()).isEqualTo("configmap/cfg patched\n");
    assertThat(kubectl.run("patch", "cm", "cfg", "-n", "patch", "--type", "json", "-p",
        "[{\"op\":\"add\",\"path\":\"/data/j\",\"value\":\"2\"}]").assertOk().out()).isEqualTo("configmap/cfg patched\n");
    assertThat(kubectl.run("patch", "cm", "cfg", "-n", "patch", "-p", "{\"data\":{\"s\":\"3\"}}").assertOk().out())
        .isEqualTo("configmap/cfg patched\n");
    assertThat(kubectl.run("patch", "cm", "cfg", "-n", "patch", "-p", "{\"data\":{\"s\":\"3\"}}").assertOk().out())
        .isEqualTo("configmap/cfg patched (no change)\n");
    assertThat(kubectl.run("get", "cm", "cfg", "-n", "patch", "--show-labels").assertOk().out())
        .containsPattern("cfg\\s+4\\s+\\S+\\s+tier=db");
  }

  @Test
  void editWithAnEditorScriptAndReplaceWithAStaleFile() throws IOException {
    namespace("edit");
    kubectl.run("create", "configmap", "cfg", "-n", "edit", "--from-literal=k=v").assertOk();
    Path editor = file("editor.sh", "#!/bin/sh\nsed -i 's/k: v$/k: edited/' \"$1\"\n");
    Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
    assertThat(kubectl.run(Map.of("EDITOR", editor.toString()), null, "edit", "cm", "cfg", "-n", "edit")
        .assertOk().out()).isEqualTo("configmap/cfg edited\n");
    Path saved = file("cfg.json", kubectl.run("get", "cm", "cfg", "-n", "edit", "-o", "json").assertOk().out());
    assertThat(kubectl.run("replace", "-f", saved.toString()).assertOk().out()).isEqualTo("configmap/cfg replaced\n");
    kubectl.run("label", "cm", "cfg", "-n", "edit", "changed=after-save").assertOk();
    Kubectl.Result stale = kubectl.run("replace", "-f", saved.toString());
    assertThat(stale.exit()).isEqualTo(1);
    assertThat(stale.err()).contains("Error from server (Conflict): error when replacing")
        .contains("Operation cannot be fulfilled on configmaps \"cfg\": the object has been modified");
    assertThat(kubectl.run("get", "cm", "cfg", "-n", "edit", "-o", "jsonpath={.data.k}").assertOk().out())
        .isEqualTo("edited");
  }

  @Test
  void describeShowsThePodAndItsEvents() throws IOException {
    namespace("desc");
    pod("desc", "p", "env: a");
    String out = kubectl.run("describe", "pod", "p", "-n", "desc").assertOk().out();
    assertThat(out).containsPattern("Name:\\s+p").containsPattern("Namespace:\\s+desc")
        .containsPattern("Status:\\s+Pending").containsPattern("Image:\\s+busybox:1.36")
        .containsPattern("QoS Class:\\s+BestEffort").containsPattern("Events:\\s+<none>");
  }

  @Test
  void deleteWithAndWithoutWaitAndDeleteAll() throws IOException {
    namespace("del");
    kubectl.run("create", "configmap", "a", "-n", "del", "--from-literal=k=v").assertOk();
    kubectl.run("create", "configmap", "b", "-n", "del", "--from-literal=k=v").assertOk();
    kubectl.run("create", "configmap", "c", "-n", "del", "--from-literal=k=v").assertOk();
    pod("del", "p", "env: a");
    assertThat(kubectl.run("delete", "cm", "a", "-n", "del").assertOk().out()).isEqualTo("configmap \"a\" deleted\n");
    assertThat(kubectl.run("delete", "cm", "b", "-n", "del", "--wait=false").assertOk().out())
        .isEqualTo("configmap \"b\" deleted\n");
    assertThat(kubectl.run("delete", "pod", "p", "-n", "del").assertOk().out()).isEqualTo("pod \"p\" deleted\n");
    assertThat(kubectl.run("delete", "cm", "--all", "-n", "del").assertOk().out()).contains("configmap \"c\" deleted");
    assertThat(kubectl.run("get", "cm,pods", "-n", "del").assertOk().err()).contains("No resources found in del namespace.");
    Kubectl.Result missing = kubectl.run("delete", "cm", "a", "-n", "del");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Error from server (NotFound): configmaps \"a\" not found\n");
  }

  @Test
  void createConfigMapAndSecretFromLiterals() {
    namespace("lit");
    assertThat(kubectl.run("create", "configmap", "lit", "-n", "lit", "--from-literal=a=b").assertOk().out())
        .isEqualTo("configmap/lit created\n");
    assertThat(kubectl.run("create", "secret", "generic", "s", "-n", "lit", "--from-literal=p=q").assertOk().out())
        .isEqualTo("secret/s created\n");
    assertThat(kubectl.run("get", "secret", "s", "-n", "lit", "-o", "jsonpath={.data.p}").assertOk().out())
        .isEqualTo("cQ==");
    assertThat(kubectl.run("get", "secret", "s", "-n", "lit").assertOk().out())
        .containsPattern("s\\s+Opaque\\s+1\\s+\\S+");
  }

  @Test
  void getEventsAndClusterInfo() throws IOException {
    namespace("ev");
    Path f = file("event.yaml", """
        apiVersion: v1
        kind: Event
        metadata: {name: e1, namespace: ev}
        involvedObject: {kind: Pod, name: p, namespace: ev}
        reason: Testing
        message: hello from the test
        type: Normal
        firstTimestamp: "2026-01-01T00:00:00Z"
        lastTimestamp: "2026-01-01T00:00:00Z"
        count: 1
        source: {component: test}
        """);
    kubectl.run("create", "-f", f.toString()).assertOk();
    assertThat(kubectl.run("get", "events", "-n", "ev").assertOk().out())
        .containsPattern("LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE")
        .containsPattern("Normal\\s+Testing\\s+pod/p\\s+hello from the test");
    assertThat(kubectl.run("cluster-info").assertOk().out())
        .contains("Kubernetes control plane is running at " + cluster.url());
  }

  @Test
  void scaleChangesReplicasThroughTheScaleSubresource() throws IOException {
    namespace("scale");
    Path f = file("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: scale}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: busybox:1.36}]
        """);
    kubectl.run("apply", "-f", f.toString()).assertOk();
    assertThat(kubectl.run("scale", "deployment", "web", "-n", "scale", "--replicas=4").assertOk().out())
        .isEqualTo("deployment.apps/web scaled\n");
    assertThat(kubectl.run("get", "deploy", "web", "-n", "scale", "-o", "jsonpath={.spec.replicas}/{.metadata.generation}")
        .assertOk().out()).isEqualTo("4/2");
    Kubectl.Result wrong = kubectl.run("scale", "deployment", "web", "-n", "scale", "--replicas=2",
        "--current-replicas=3");
    assertThat(wrong.exit()).isEqualTo(1);
  }
}
