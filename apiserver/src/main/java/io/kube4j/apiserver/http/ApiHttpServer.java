package io.kube4j.apiserver.http;

import io.kube4j.apiserver.authn.Authenticator;
import io.kube4j.apiserver.endpoints.Router;
import io.kube4j.apiserver.metrics.ApiServerMetrics;
import io.kube4j.apiserver.runtime.Codec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLException;

/** The apiserver's HTTPS listener. */
public final class ApiHttpServer implements AutoCloseable {

  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
  private final Channel channel;

  /**
   * Binds and starts serving.
   *
   * @param certFile the serving certificate (PEM)
   * @param keyFile its PKCS#8 key (PEM)
   */
  public ApiHttpServer(InetSocketAddress address, File certFile, File keyFile, Authenticator authenticator,
      boolean anonymousAuth, Router router, ExecutorService workers, ApiServerMetrics metrics, Codec codec)
      throws InterruptedException {
    SslContext ssl = tls(certFile, keyFile);
    ApiRequestHandler handler = new ApiRequestHandler(authenticator, anonymousAuth, router, workers, metrics);
    HttpPipeline pipeline = new HttpPipeline(ssl, handler, e -> codec.encode(e.toStatus()));
    this.channel = new ServerBootstrap()
        .group(boss, io)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(pipeline)
        .bind(address).sync().channel();
  }

  /**
   * TLS 1.2/1.3 with the client certificate requested but not required, and not verified in the
   * handshake: the x509 authenticator verifies it, so an untrusted certificate gets a 401 Status.
   * No ALPN: clients speak HTTP/1.1, which every kubectl feature works with.
   */
  private static SslContext tls(File certFile, File keyFile) {
    try {
      return SslContextBuilder.forServer(certFile, keyFile)
          .clientAuth(ClientAuth.OPTIONAL)
          .trustManager(InsecureTrustManagerFactory.INSTANCE)
          .protocols("TLSv1.3", "TLSv1.2")
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot load the serving certificate " + certFile + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    boss.shutdownGracefully();
    io.shutdownGracefully();
  }
}
