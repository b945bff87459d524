package io.kube4j.apiserver.http;

import io.kube4j.apiserver.api.StatusException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;

/**
 * The per-connection pipeline, in the order a request passes through it: TLS, HTTP/1.1 codec,
 * keep-alive, body aggregation (with the 3 MiB limit), then the API handler.
 */
final class HttpPipeline extends ChannelInitializer<SocketChannel> {

  /** Upstream's {@code MaxRequestBodyBytes}: 3 MiB. */
  static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  private final SslContext ssl;
  private final ApiRequestHandler handler;
  private final StatusWriter statusWriter;

  HttpPipeline(SslContext ssl, ApiRequestHandler handler, StatusWriter statusWriter) {
    this.ssl = ssl;
    this.handler = handler;
    this.statusWriter = statusWriter;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    if (ssl != null) {
      p.addLast("tls", ssl.newHandler(ch.alloc()));
    }
    p.addLast("http", new HttpServerCodec(8192, 64 * 1024, 64 * 1024));
    p.addLast("keepalive", new HttpServerKeepAliveHandler());
    p.addLast("body", new BodyLimit(statusWriter));
    p.addLast("api", handler);
  }

  /**
   * Aggregates the body; a body over the limit gets a 413 Status instead of Netty's bare 413, both
   * when its Content-Length announces it (also to a client waiting on {@code Expect: 100-continue})
   * and when it grows past the limit.
   */
  private static final class BodyLimit extends HttpObjectAggregator {
    private final StatusWriter statusWriter;

    BodyLimit(StatusWriter statusWriter) {
      super(MAX_BODY_BYTES, true);
      this.statusWriter = statusWriter;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
      Object response = super.newContinueResponse(start, maxContentLength, pipeline);
      if (response instanceof FullHttpResponse r && r.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
        r.release();
        // the client has sent no body yet: answer and close, as Netty does
        return tooLarge(false);
      }
      return response;
    }

    /**
     * A client still sending a keep-alive request is answered at once and the rest of its body
     * discarded, as Netty's own handler does: closing while it sends would reset the connection and
     * lose the answer.
     */
    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      boolean keepOpen = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
      var written = ctx.writeAndFlush(tooLarge(keepOpen));
      if (!keepOpen) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    }

    private FullHttpResponse tooLarge(boolean keepAlive) {
      byte[] body = statusWriter.encode(StatusException.requestEntityTooLarge(MAX_BODY_BYTES));
      FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(body));
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      HttpUtil.setKeepAlive(r, keepAlive);
      return r;
    }
  }

  /** Encodes a Status body; implemented by the server with the shared codec. */
  interface StatusWriter {
    byte[] encode(StatusException e);
  }
}
