package io.kube4j.controllermanager.e2e;

import io.kube4j.componentbase.client.Kubeconfigs;
import io.kube4j.controllermanager.ControllerManagerOptions;
import io.kube4j.controllermanager.clientbuilder.ControllerClients;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.SharedInformers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * Controllers a test starts itself, beside the controller-manager, when it must give them what the
 * controller-manager does not (a fake clock, a shorter backoff): the same {@link ControllerContext}
 * the controller-manager builds, with the same service-account clients and RBAC, and informers of
 * their own. The controller-manager then runs with those controllers disabled.
 */
final class ControllersUnderTest implements AutoCloseable {

  private final ControllerClients clients;
  private final SharedInformers informers;
  private final ControllerContext context;
  private final List<AutoCloseable> running = new ArrayList<>();

  ControllersUnderTest(ControllerManagerOptions options) {
    try {
      this.clients = new ControllerClients(Kubeconfigs.read(options.kubeconfig()), true, Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.informers = new SharedInformers(clients.root());
    this.context = new ControllerContext(informers, clients, options, new CopyOnWriteArrayList<>());
  }

  ControllerContext context() {
    return context;
  }

  /** Keeps {@code controller} to close it; call {@link #startInformers()} after the last one. */
  <T extends AutoCloseable> T add(T controller) {
    running.add(controller);
    return controller;
  }

  void startInformers() {
    try {
      informers.startAndAwaitSync(Duration.ofSeconds(30));
    } catch (TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The controller-manager's options, with these controllers disabled. */
  static ControllerManagerOptions without(ControllerManagerOptions o, String... disabled) {
    List<String> controllers = new ArrayList<>(o.controllers());
    for (String d : disabled) {
      controllers.add("-" + d);
    }
    return new ControllerManagerOptions(o.kubeconfig(), controllers, o.useServiceAccountCredentials(),
        o.leaderElection(), o.clusterSigningCertFile(), o.clusterSigningKeyFile(), o.clusterSigningDuration(),
        o.rootCaFile(), o.bindAddress(), o.securePort(), o.nodeLifecycle(), o.nodeIpam(), o.podGc());
  }

  @Override
  public void close() {
    for (AutoCloseable c : running) {
      try {
        c.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
    informers.close();
    clients.close();
  }
}
