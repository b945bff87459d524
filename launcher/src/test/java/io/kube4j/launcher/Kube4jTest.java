package io.kube4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube4j.launcher.cluster.ClusterConfig;
import io.kube4j.launcher.cluster.StateDir;
import io.kube4j.pki.ClusterPki;
import io.kube4j.pki.ClusterPkiOptions;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.kubeconfig.Kubeconfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The subcommands that need no running cluster, driven through picocli as the script drives them. */
class Kube4jTest {

  @TempDir Path home;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ByteArrayOutputStream rawOut = new ByteArrayOutputStream();

  private int run(String... args) {
    CommandLine commandLine = Kube4j.commandLine(
        Map.of("KUBE4J_HOME", home.toString(), "PATH", System.getenv("PATH")),
        new PrintStream(rawOut, true, StandardCharsets.UTF_8));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void statusBeforeTheFirstUpSaysSoAndFails() {
    assertThat(run("status")).isEqualTo(1);
    assertThat(out.toString()).contains("kube4j has never run in " + home);
  }

  @Test
  void statusListsEveryComponentAsNotRunningAfterDown() throws Exception {
    new ClusterConfig(16443, 21379, 21380, 21257, 21259, 21248, 2).save(stateCreated());

    assertThat(run("status")).isEqualTo(1);

    assertThat(out.toString())
        .containsPattern("etcd +- +21379 +not running")
        .containsPattern("apiserver +- +16443 +not running")
        .containsPattern("scheduler +- +21259 +not running")
        .containsPattern("agent +- +21248 +not running");
  }

  @Test
  void downWithNothingRunningSucceedsAndCanBeRepeated() throws Exception {
    new ClusterConfig(16443, 21379, 21380, 21257, 21259).save(stateCreated());

    assertThat(run("down")).isZero();
    assertThat(run("down")).isZero();
    assertThat(out.toString()).contains("kube4j is not running.");
  }

  @Test
  void kubeconfigNeedsAClusterFirst() {
    assertThat(run("kubeconfig", "--user", "alice")).isEqualTo(1);
    assertThat(err.toString()).contains("run ./kube4j up first");
  }

  @Test
  void writesAUserKubeconfigWithANewCertificateSignedByTheClusterCa() throws Exception {
    StateDir state = stateCreated();
    new ClusterConfig(16443, 21379, 21380, 21257, 21259).save(state);
    ClusterPki pki = ClusterPki.ensure(state.pki(), ClusterPkiOptions.defaults());

    assertThat(run("kubeconfig", "--user", "alice", "--group", "dev", "--group", "qa")).isZero();

    Path file = state.userKubeconfig("alice");
    assertThat(out.toString().trim()).isEqualTo(file.toString());
    Kubeconfig kubeconfig = Kubeconfig.read(file);
    assertThat(kubeconfig.currentContext()).isEqualTo("alice@kube4j");
    assertThat(kubeconfig.cluster("kube4j").orElseThrow().cluster().server()).isEqualTo("https://127.0.0.1:16443");
    X509Certificate cert = Pem.parseCertificates(Kubeconfig.decodeData(
        kubeconfig.user("alice").orElseThrow().user().clientCertificateData())).get(0);
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=alice,O=qa,O=dev");
    assertThat(pki.ca().issued(cert)).isTrue();
  }

  @Test
  void writesTheKubeconfigWhereOutSays() throws Exception {
    StateDir state = stateCreated();
    new ClusterConfig(16443, 21379, 21380, 21257, 21259).save(state);
    ClusterPki.ensure(state.pki(), ClusterPkiOptions.defaults());
    Path target = home.resolve("elsewhere/bob.yaml");

    assertThat(run("kubeconfig", "--user", "bob", "--out", target.toString())).isZero();

    assertThat(Kubeconfig.read(target).user("bob")).isPresent();
  }

  @Test
  void printsAComponentLog() throws Exception {
    StateDir state = stateCreated();
    Files.writeString(state.logFile("etcd"), "line 1\nline 2\n");

    assertThat(run("logs", "etcd")).isZero();

    assertThat(rawOut.toString(StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2\n");
  }

  @Test
  void namesTheAvailableLogsForAnUnknownComponent() throws Exception {
    StateDir state = stateCreated();
    Files.writeString(state.logFile("etcd"), "x");

    assertThat(run("logs", "kubelet")).isEqualTo(1);

    assertThat(err.toString()).contains("no log for 'kubelet'").contains("(logs: etcd)");
  }

  @Test
  void upRejectsAPortOutOfRangeBeforeTouchingAnything() {
    assertThat(run("up", "--port", "70000")).isEqualTo(1);

    assertThat(err.toString()).contains("--port must be between 1 and 65535, got 70000");
    assertThat(home.resolve("pki")).doesNotExist();
  }

  @Test
  void upAcceptsOnlyKnownRuntimes() {
    assertThat(run("up", "--runtime", "docker")).isEqualTo(2);

    assertThat(err.toString()).contains("--runtime").contains("containerd, simulated");
  }

  @Test
  void refusesToRunWhileAnotherUpOrDownHoldsTheLock() throws Exception {
    StateDir state = stateCreated();
    new ClusterConfig(16443, 21379, 21380, 21257, 21259).save(state);
    try (FileChannel channel = FileChannel.open(state.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      assertThat(channel.lock().isValid()).isTrue();

      assertThat(run("down")).isEqualTo(1);
    }

    assertThat(err.toString().trim()).isEqualTo("kube4j: another ./kube4j up or down is running for " + home);
  }

  @Test
  void withoutACommandPrintsWhatTheCommandsAre() {
    assertThat(run()).isEqualTo(2);

    assertThat(err.toString()).contains("missing command: up, down, status, logs or kubeconfig");
  }

  private StateDir stateCreated() throws Exception {
    StateDir state = new StateDir(home);
    state.create();
    return state;
  }
}
