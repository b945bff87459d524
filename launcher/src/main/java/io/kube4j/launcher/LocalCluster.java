package io.kube4j.launcher;

import io.kube4j.launcher.cluster.ClusterConfig;
import io.kube4j.launcher.cluster.Component;
import io.kube4j.launcher.cluster.ControlPlane;
import io.kube4j.launcher.cluster.StateDir;
import io.kube4j.launcher.host.Executables;
import io.kube4j.launcher.host.HostAddress;
import io.kube4j.launcher.process.ClasspathSnapshot;
import io.kube4j.launcher.process.HealthProbe;
import io.kube4j.launcher.process.JavaRuntime;
import io.kube4j.launcher.process.ProcessControl;
import io.kube4j.pki.ClusterPki;
import io.kube4j.pki.cert.CertAndKey;
import io.kube4j.pki.cert.Pem;
import io.kube4j.pki.cert.TlsContexts;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The cluster in one state directory, as every subcommand sees it: where its files are, how its
 * processes are started and found, and how their health is probed. Built once per invocation
 * from the environment ({@code KUBE4J_HOME}, {@code JAVA_HOME}, {@code KUBE4J_JAVA_OPTS}, PATH).
 */
final class LocalCluster {

  private final Map<String, String> env;
  private final StateDir state;
  private final JavaRuntime java;
  private final Optional<Path> setsid;
  private final ProcessControl processes;
  private String advertiseAddress;

  LocalCluster(Map<String, String> env) {
    this.env = env;
    this.state = StateDir.fromEnvironment(env);
    this.java = JavaRuntime.fromEnvironment(env);
    this.setsid = Executables.find("setsid", path());
    this.processes = new ProcessControl(state, java, setsid);
  }

  Map<String, String> env() {
    return env;
  }

  StateDir state() {
    return state;
  }

  /** Finds, stops and (for binaries) starts components. */
  ProcessControl processes() {
    return processes;
  }

  /**
   * Like {@link #processes()}, but Java components start from a fresh copy of the build's jars in
   * the state directory (see {@link ClasspathSnapshot}), so rebuilding never disturbs them.
   */
  ProcessControl processesFromSnapshot() throws IOException {
    String classpath = ClasspathSnapshot.take(java.classpath(), state.lib());
    return new ProcessControl(state, java.withClasspath(classpath), setsid);
  }

  String path() {
    return env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
  }

  Optional<ClusterConfig> config() throws IOException {
    return ClusterConfig.load(state);
  }

  /** The address published for other machines; computed once per invocation. */
  String advertiseAddress() {
    if (advertiseAddress == null) {
      advertiseAddress = HostAddress.advertiseAddress();
    }
    return advertiseAddress;
  }

  List<Component> components(ClusterConfig config) {
    return ControlPlane.components(state, config, advertiseAddress());
  }

  /** A probe that trusts the cluster CA and presents the admin certificate, once they exist. */
  HealthProbe healthProbe() {
    return new HealthProbe(adminTls());
  }

  private Optional<SSLContext> adminTls() {
    Path pki = state.pki();
    Path ca = pki.resolve(ClusterPki.CA + ".crt");
    Path adminCert = pki.resolve(ClusterPki.ADMIN + ".crt");
    Path adminKey = pki.resolve(ClusterPki.ADMIN + ".key");
    if (!Files.exists(ca) || !Files.exists(adminCert) || !Files.exists(adminKey)) {
      return Optional.empty();
    }
    try {
      return Optional.of(TlsContexts.client(Pem.readCertificates(ca), Optional.of(CertAndKey.read(adminCert, adminKey))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Empty when another process holds the lock, or another part of this JVM (a test) does. */
  private static Optional<FileLock> tryLock(FileChannel channel) throws IOException {
    try {
      return Optional.ofNullable(channel.tryLock());
    } catch (OverlappingFileLockException e) {
      return Optional.empty();
    }
  }

  /** A step that runs while the launcher lock is held. */
  interface LockedStep {
    int run() throws Exception;
  }

  /**
   * Runs {@code step} holding the cluster's launcher lock, so that two {@code up}/{@code down}
   * never interleave on one state directory (the lock dies with the JVM if it is killed).
   */
  int whileLocked(LockedStep step) throws Exception {
    state.create();
    try (FileChannel channel = FileChannel.open(state.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      if (tryLock(channel).isEmpty()) {
        throw new IOException("another ./kube4j up or down is running for " + state.home());
      }
      return step.run();
    }
  }
}
