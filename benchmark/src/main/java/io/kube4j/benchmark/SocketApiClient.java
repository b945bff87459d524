package io.kube4j.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A blocking HTTP/1.1 client on plain {@link SSLSocket}s: the calling thread writes the request and
 * reads the response itself, with no selector or executor between, so the client costs the machine
 * little beside the server it measures. Idle keep-alive connections wait in a pool; N concurrent
 * callers hold N connections. Each watch gets a connection and a reader thread of its own.
 */
final class SocketApiClient implements ApiClient {

  private final SSLContext tls;
  private final String host;
  private final int port;
  /** Connections with no call in progress, ready for the next one. */
  private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();

  SocketApiClient(String baseUrl, SSLContext tls) {
    URI uri = URI.create(baseUrl);
    this.tls = tls;
    this.host = uri.getHost();
    this.port = uri.getPort();
  }

  @Override
  public byte[] post(String path, String json) throws IOException {
    return exchange("POST", path, json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] get(String path) throws IOException {
    return exchange("GET", path, null);
  }

  private byte[] exchange(String method, String path, byte[] body) throws IOException {
    Connection c = idle.poll();
    if (c == null) {
      c = open();
    }
    try {
      Http1.writeRequest(c.out, method, host + ":" + port, path, body);
      Http1.Head head = Http1.readHead(c.in);
      byte[] response = Http1.readBody(c.in, head);
      if (head.keepAlive()) {
        idle.offer(c);
      } else {
        c.close();
      }
      return ApiClient.expectSuccess(method, path, head.status(), response);
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public CompletableFuture<Integer> stream(String path, Flow.Subscriber<String> lines) {
    CompletableFuture<Integer> headers = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (Connection c = open()) {
        lines.onSubscribe(new Flow.Subscription() {
          @Override
          public void request(long n) {
            // lines are pushed as they arrive; the reader never runs ahead of the network
          }

          @Override
          public void cancel() {
            c.close();
          }
        });
        Http1.writeRequest(c.out, "GET", host + ":" + port, path, null);
        Http1.Head head = Http1.readHead(c.in);
        headers.complete(head.status());
        InputStream body = head.chunked() ? new Http1.Chunked(c.in) : c.in;
        BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.onNext(line);
        }
        lines.onComplete();
      } catch (IOException | RuntimeException e) {
        headers.completeExceptionally(e);
        lines.onError(e);
      } finally {
        CpuAccount.clientThreadFinishing();
      }
    }, "bench-watch");
    reader.setDaemon(true);
    reader.start();
    return headers;
  }

  private Connection open() throws IOException {
    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(host, port);
    SSLParameters p = s.getSSLParameters();
    p.setEndpointIdentificationAlgorithm("HTTPS");
    s.setSSLParameters(p);
    s.setTcpNoDelay(true);
    s.startHandshake();
    return new Connection(s);
  }

  /** One keep-alive TLS connection; used by one call at a time. */
  private static final class Connection implements AutoCloseable {
    final SSLSocket socket;
    final InputStream in;
    final OutputStream out;

    Connection(SSLSocket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    /** Best effort: a connection is closed because it failed or is no longer wanted. */
    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing more to do with a socket that cannot even close
      }
    }
  }
}
