package io.kube4j.agent.cri;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One gRPC channel to a CRI endpoint (containerd's {@code unix:///run/containerd/containerd.sock}),
 * shared by the runtime and the image service as kubelet's two remote services share a runtime.
 * The {@code unix://} target uses grpc-netty-shaded's epoll transport on grpc's shared daemon
 * threads, so an unclosed connection never keeps the JVM alive.
 */
public final class CriConnection implements AutoCloseable {

  /** kubelet's {@code maxMsgSize}: ListContainers on a busy node easily passes gRPC's 4 MiB default. */
  static final int MAX_MESSAGE_SIZE = 16 << 20;

  /** kubelet's default {@code --runtime-request-timeout}. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

  // Netty warns "Unknown channel option 'SO_KEEPALIVE'" on every unix-socket connect; the logger is
  // kept here so the level set below survives garbage collection of JUL's weak reference.
  private static final Logger BOOTSTRAP_LOG =
      Logger.getLogger("io.grpc.netty.shaded.io.netty.bootstrap.AbstractBootstrap");

  static {
    BOOTSTRAP_LOG.setLevel(Level.SEVERE);
  }

  private final String endpoint;
  private final ManagedChannel channel;
  private final RemoteRuntimeService runtime;
  private final RemoteImageService images;

  private CriConnection(String endpoint, ManagedChannel channel, Duration requestTimeout, Duration pullTimeout) {
    this.endpoint = endpoint;
    this.channel = channel;
    this.runtime = new RemoteRuntimeService(channel, requestTimeout);
    this.images = new RemoteImageService(channel, requestTimeout, pullTimeout);
  }

  /**
   * Connects lazily to {@code endpoint}: {@code unix:///path/containerd.sock} or a bare socket path.
   * Nothing is dialled until the first call; an absent runtime shows as UNAVAILABLE then.
   */
  public static CriConnection open(String endpoint, Duration requestTimeout, Duration pullTimeout) {
    String target = endpoint.startsWith("unix:") ? endpoint : "unix://" + endpoint;
    ManagedChannel channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
        .maxInboundMessageSize(MAX_MESSAGE_SIZE)
        .build();
    return new CriConnection(target, channel, requestTimeout, pullTimeout);
  }

  public static CriConnection open(String endpoint) {
    return open(endpoint, DEFAULT_REQUEST_TIMEOUT, RemoteImageService.DEFAULT_PULL_TIMEOUT);
  }

  /** For tests and other transports: the caller owns {@code channel}'s creation, this closes it. */
  public static CriConnection over(ManagedChannel channel, Duration requestTimeout, Duration pullTimeout) {
    return new CriConnection(channel.authority(), channel, requestTimeout, pullTimeout);
  }

  public String endpoint() {
    return endpoint;
  }

  public RemoteRuntimeService runtime() {
    return runtime;
  }

  public RemoteImageService images() {
    return images;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
