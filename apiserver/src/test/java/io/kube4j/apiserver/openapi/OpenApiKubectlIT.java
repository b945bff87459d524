package io.kube4j.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.kube4j.apiserver.openapi.PatchMetaSource.PatchMeta;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against the generated documents, served by {@link FakeApiServer}: explain prints
 * the field tree, {@code create -f} asks for strict field validation, and client-side {@code apply}
 * computes its strategic merge patch from the published merge keys. Skips when kubectl is not on the
 * PATH.
 */
class OpenApiKubectlIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PatchMetaSource CONTAINERS_BY_NAME = (owner, field) ->
      owner == PodSpec.class && field.equals("containers")
          ? Optional.of(new PatchMeta("merge", "name")) : Optional.empty();

  private static final String DEPLOYMENT_PATH = "/apis/apps/v1/namespaces/default/deployments/web";

  private static Path kubectl;

  @TempDir Path home;

  record Result(int exitCode, String stdout, String stderr) {}

  @BeforeAll
  static void findKubectl() {
    kubectl = Optional.ofNullable(System.getenv("PATH")).stream()
        .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
        .map(dir -> Path.of(dir, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
  }

  @Test
  void explainPrintsTheFieldTreeOfPodContainers() throws Exception {
    try (FakeApiServer server = server(CONTAINERS_BY_NAME)) {
      Result result = kubectl(server, "explain", "pods.spec.containers");

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stdout()).contains("KIND:       Pod", "VERSION:    v1",
          "FIELD: containers <[]Container>", "name\t<string> -required-", "image\t<string>",
          "ports\t<[]ContainerPort>", "resources\t<ResourceRequirements>", "env\t<[]EnvVar>");
    }
  }

  @Test
  void explainShowsUpstreamTypeNames() throws Exception {
    try (FakeApiServer server = server(CONTAINERS_BY_NAME)) {
      assertThat(kubectl(server, "explain", "deployments.spec.replicas").stdout())
          .contains("GROUP:      apps", "KIND:       Deployment", "FIELD: replicas <integer>");
      assertThat(kubectl(server, "explain", "pods.spec.containers.resources.limits").stdout())
          .contains("FIELD: limits <map[string]Quantity>");
      assertThat(kubectl(server, "explain", "pods.spec.containers.livenessProbe.httpGet.port").stdout())
          .contains("FIELD: port <IntOrString>");
      assertThat(kubectl(server, "explain", "pods.metadata.creationTimestamp").stdout())
          .contains("FIELD: creationTimestamp <string>");
    }
  }

  @Test
  void createFromAFileAsksForStrictFieldValidation() throws Exception {
    try (FakeApiServer server = server(CONTAINERS_BY_NAME)) {
      Result result = kubectl(server, "create", "-f", manifest("busybox:2").toString());

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stdout()).contains("deployment.apps/web created");
      assertThat(server.requests()).anySatisfy(r -> {
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.uri()).contains("fieldValidation=Strict");
      });
    }
  }

  @Test
  void applyComputesAStrategicMergePatchWithThePublishedMergeKeys() throws Exception {
    try (FakeApiServer server = server(CONTAINERS_BY_NAME)) {
      server.putObject(DEPLOYMENT_PATH, liveDeployment());

      Result result = kubectl(server, "apply", "-f", manifest("busybox:3").toString());

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stderr()).doesNotContain("openapi");
      FakeApiServer.Request patch = onlyPatch(server);
      assertThat(patch.contentType()).isEqualTo("application/strategic-merge-patch+json");
      assertThat(patch.uri()).contains("fieldValidation=Strict");
      assertThat(JSON.readTree(patch.body()).at("/spec/template/spec"))
          .isEqualTo(JSON.readTree("{\"$setElementOrder/containers\":[{\"name\":\"one\"}],"
              + "\"containers\":[{\"image\":\"busybox:3\",\"name\":\"one\"},"
              + "{\"$patch\":\"delete\",\"name\":\"two\"}]}"));
    }
  }

  @Test
  void applyReplacesAListThatHasNoMergeKey() throws Exception {
    try (FakeApiServer server = server(PatchMetaSource.none())) {
      server.putObject(DEPLOYMENT_PATH, liveDeployment());

      Result result = kubectl(server, "apply", "-f", manifest("busybox:3").toString());

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(JSON.readTree(onlyPatch(server).body()).at("/spec/template/spec"))
          .isEqualTo(JSON.readTree("{\"containers\":[{\"image\":\"busybox:3\",\"name\":\"one\"}]}"));
    }
  }

  private FakeApiServer server(PatchMetaSource patchMeta) throws IOException {
    return new FakeApiServer(TestResources.ALL,
        new OpenApiV3(TestResources.ALL, patchMeta, JSON));
  }

  private static FakeApiServer.Request onlyPatch(FakeApiServer server) {
    List<FakeApiServer.Request> patches = server.requests().stream()
        .filter(r -> r.method().equals("PATCH")).toList();
    assertThat(patches).hasSize(1);
    return patches.get(0);
  }

  private Path manifest(String image) throws IOException {
    Path file = home.resolve("web.yaml");
    Files.writeString(file, String.join("\n",
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "spec:",
        "  selector:",
        "    matchLabels: {app: web}",
        "  template:",
        "    metadata:",
        "      labels: {app: web}",
        "    spec:",
        "      containers:",
        "      - name: one",
        "        image: " + image,
        ""));
    return file;
  }

  /** The object as the server holds it, last applied with two containers. */
  private static String liveDeployment() throws IOException {
    String lastApplied = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":"
        + "{\"annotations\":{},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"selector\":"
        + "{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},"
        + "\"spec\":{\"containers\":[{\"image\":\"busybox:2\",\"name\":\"one\"},"
        + "{\"image\":\"busybox:2\",\"name\":\"two\"}]}}}}\n";
    ObjectNode live = (ObjectNode) JSON.readTree(lastApplied);
    ObjectNode metadata = (ObjectNode) live.get("metadata");
    metadata.putObject("annotations")
        .put("kubectl.kubernetes.io/last-applied-configuration", lastApplied);
    metadata.put("resourceVersion", "7").put("uid", "0b9d5a4e-1c1f-4f57-9a57-6a4c9d1f0a11");
    return JSON.writeValueAsString(live);
  }

  private Result kubectl(FakeApiServer server, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--server", server.url()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(home, "stdout", ".txt");
    Path err = Files.createTempFile(home, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    // kubectl caches discovery and OpenAPI per host:port under HOME; keep each test apart.
    builder.environment().put("HOME", home.toString());
    builder.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
    builder.environment().remove("KUBECONFIG");
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60s");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
