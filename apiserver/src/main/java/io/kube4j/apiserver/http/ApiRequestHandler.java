package io.kube4j.apiserver.http;

import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authn.Anonymous;
import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Authenticator;
import io.kube4j.apiserver.authn.Credentials;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.endpoints.ApiRequest;
import io.kube4j.apiserver.endpoints.RequestInfo;
import io.kube4j.apiserver.endpoints.Router;
import io.kube4j.apiserver.metrics.ApiServerMetrics;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns a Netty request into an {@link ApiRequest}, authenticates it, and runs it on the worker
 * pool. Shared by every connection (stateless).
 */
@ChannelHandler.Sharable
final class ApiRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger LOG = Logger.getLogger(ApiRequestHandler.class.getName());

  private final Authenticator authenticator;
  private final Router router;
  private final ExecutorService workers;
  private final ApiServerMetrics metrics;
  private final boolean anonymousAuth;

  ApiRequestHandler(Authenticator authenticator, boolean anonymousAuth, Router router, ExecutorService workers,
      ApiServerMetrics metrics) {
    this.authenticator = authenticator;
    this.anonymousAuth = anonymousAuth;
    this.router = router;
    this.workers = workers;
    this.metrics = metrics;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
    boolean keepAlive = HttpUtil.isKeepAlive(msg);
    boolean head = msg.method().equals(HttpMethod.HEAD);
    long start = System.nanoTime();
    if (msg.decoderResult().isFailure()) {
      NettyResponder r = new NettyResponder(ctx.channel(), false, false, code -> { });
      r.respond(router.status(StatusException.badRequest("malformed HTTP request: " + msg.decoderResult().cause())));
      return;
    }
    QueryStringDecoder qs = new QueryStringDecoder(msg.uri());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    msg.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .add(h.getValue()));
    byte[] body = ByteBufUtil.getBytes(msg.content());
    Credentials credentials = credentials(ctx, msg.headers().get("Authorization"));
    String method = msg.method().name();
    String path = qs.path();
    FullHttpRequest upgrade = "websocket".equalsIgnoreCase(msg.headers().get("Upgrade"))
        ? new DefaultFullHttpRequest(msg.protocolVersion(), msg.method(), msg.uri(), Unpooled.EMPTY_BUFFER,
            msg.headers().copy(), msg.trailingHeaders().copy())
        : null;
    try {
      workers.execute(() -> {
        RequestInfo info = metricsInfo(method, path, qs.parameters());
        NettyResponder responder = new NettyResponder(ctx.channel(), keepAlive, head, code ->
            metrics.request(info.verb(), info.group(), info.resource(), code, (System.nanoTime() - start) / 1e9),
            upgrade);
        try {
          Optional<UserInfo> user = authenticate(credentials);
          router.handle(new ApiRequest(method, path, qs.parameters(), headers, body, user), responder);
        } catch (StatusException e) {
          responder.respond(router.status(e));
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, method + " " + path + " failed", e);
          responder.respond(router.status(StatusException.internal(String.valueOf(e.getMessage()))));
        }
      });
    } catch (RejectedExecutionException e) {
      new NettyResponder(ctx.channel(), keepAlive, head, code -> { })
          .respond(router.status(StatusException.tooManyRequests("Too many requests, please try again later.", 1)));
    }
  }

  /**
   * Rejected credentials are a 401, and so are credentials nobody recognises (a bearer token no
   * authenticator knows); none at all make the request anonymous when {@code --anonymous-auth} is
   * on, else unauthenticated.
   */
  private Optional<UserInfo> authenticate(Credentials credentials) {
    AuthenticationResult r = authenticator.authenticate(credentials);
    if (r instanceof AuthenticationResult.Authenticated ok) {
      return Optional.of(ok.user());
    }
    if (r instanceof AuthenticationResult.Rejected rejected) {
      LOG.fine(() -> "authentication rejected: " + rejected.reason());
      throw StatusException.unauthorized();
    }
    if (credentials.bearerToken().isPresent()) {
      throw StatusException.unauthorized();
    }
    return anonymousAuth && credentials.clientCertificates().isEmpty() ? Optional.of(Anonymous.USER)
        : Optional.empty();
  }

  private static Credentials credentials(ChannelHandlerContext ctx, String authorization) {
    List<X509Certificate> chain = new ArrayList<>();
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    if (ssl != null) {
      try {
        for (Certificate c : ssl.engine().getSession().getPeerCertificates()) {
          if (c instanceof X509Certificate x) {
            chain.add(x);
          }
        }
      } catch (SSLPeerUnverifiedException e) {
        // no client certificate: fine, other credentials may follow
      }
    }
    Optional<String> token = Optional.empty();
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = Optional.of(authorization.substring(7).trim());
    }
    return new Credentials(chain, token);
  }

  private static RequestInfo metricsInfo(String method, String path, Map<String, List<String>> query) {
    if (path.startsWith("/api/") || path.startsWith("/apis/")) {
      try {
        List<String> w = query.getOrDefault("watch", List.of());
        return RequestInfo.parse(method, path, !w.isEmpty() && (w.get(0).equals("true") || w.get(0).equals("1")));
      } catch (StatusException e) {
        // fall through: an unparseable path is counted without a resource
      }
    }
    return new RequestInfo("", "", "", "", "", "", method.toLowerCase(Locale.ROOT));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(Level.FINE, "connection error", cause);
    ctx.close();
  }
}
