package io.kube4j.apiserver.http;

import io.kube4j.apiserver.endpoints.Responder;
import io.kube4j.apiserver.endpoints.Response;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.IntConsumer;

/**
 * Answers one request on its channel. Netty's {@code write} may be called from any thread: it is
 * handed to the channel's event loop, which keeps writes in order.
 */
final class NettyResponder implements Responder {

  private final Channel channel;
  private final boolean keepAlive;
  private final boolean head;
  /** Told the status code once the response starts, for metrics. */
  private final IntConsumer onStatus;

  /** The request, kept when it asked to upgrade to WebSocket: a stream is then served over WebSocket. */
  private final FullHttpRequest websocketUpgrade;

  NettyResponder(Channel channel, boolean keepAlive, boolean head, IntConsumer onStatus,
      FullHttpRequest websocketUpgrade) {
    this.channel = channel;
    this.keepAlive = keepAlive;
    this.head = head;
    this.onStatus = onStatus;
    this.websocketUpgrade = websocketUpgrade;
  }

  NettyResponder(Channel channel, boolean keepAlive, boolean head, IntConsumer onStatus) {
    this(channel, keepAlive, head, onStatus, null);
  }

  @Override
  public void respond(Response r) {
    onStatus.accept(r.status());
    byte[] body = head ? new byte[0] : r.body();
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(r.status()), Unpooled.wrappedBuffer(body));
    resp.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
    resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, head ? r.body().length : body.length);
    r.headers().forEach((k, v) -> resp.headers().set(k, v));
    HttpUtil.setKeepAlive(resp, keepAlive);
    var f = channel.writeAndFlush(resp);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public Stream openStream(int status, String contentType) {
    if (websocketUpgrade != null && status == 200) {
      onStatus.accept(101);
      return WebSocketStream.accept(channel, websocketUpgrade);
    }
    onStatus.accept(status);
    HttpResponse resp = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
    resp.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    resp.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    resp.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, private");
    channel.writeAndFlush(resp);
    return new ChunkedStream();
  }

  /** A chunked response; ends with the last chunk, or when the client closes the connection. */
  private final class ChunkedStream implements Stream {
    private final StreamEnd end = new StreamEnd();

    ChunkedStream() {
      channel.closeFuture().addListener(f -> end.end());
    }

    @Override
    public void write(byte[] chunk) {
      if (!end.ended()) {
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk)));
      }
    }

    @Override
    public void close() {
      if (end.end()) {
        var f = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
          f.addListener(ChannelFutureListener.CLOSE);
        }
      }
    }

    @Override
    public void onClose(Runnable action) {
      end.onEnd(action);
    }

    @Override
    public boolean isWritable() {
      return channel.isWritable();
    }
  }
}
