package io.kube4j.agent.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** {@code GET /healthz}: 200 {@code ok} when healthy, else 500 with the reason. */
public final class HealthzServer implements AutoCloseable {

  private final HttpServer server;

  /** @param problem empty when healthy, otherwise what is wrong */
  public HealthzServer(String bindAddress, int port, Supplier<Optional<String>> problem, Executor executor)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
    server.createContext("/healthz", exchange -> {
      Optional<String> p = problem.get();
      byte[] body = p.map(s -> "[-]" + s + "\nhealthz check failed").orElse("ok").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(p.isPresent() ? 500 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
