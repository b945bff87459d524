package io.kube4j.agent.cri.testing;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.kube4j.agent.cri.CriConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** A fake CRI runtime served in-process, and a {@link CriConnection} to it. */
public final class FakeCri implements AutoCloseable {

  public final FakeRuntimeService runtime = new FakeRuntimeService();
  public final FakeImageService images = new FakeImageService();
  private final Server server;
  private final CriConnection connection;

  private FakeCri(Duration timeout) {
    String name = InProcessServerBuilder.generateName();
    try {
      server = InProcessServerBuilder.forName(name).directExecutor()
          .addService(runtime).addService(images).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    connection = CriConnection.over(channel, timeout, timeout);
  }

  public static FakeCri start() {
    return start(Duration.ofSeconds(10));
  }

  public static FakeCri start(Duration requestTimeout) {
    return new FakeCri(requestTimeout);
  }

  public CriConnection connection() {
    return connection;
  }

  @Override
  public void close() {
    runtime.releaseHanging();
    connection.close();
    server.shutdownNow();
  }
}
