package io.kube4j.apiserver.http;

import io.kube4j.apiserver.endpoints.Responder;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;

/**
 * A watch served over WebSocket, as upstream's {@code wsstream} does for clients that ask for it
 * (the Fabric8 client tries WebSocket first): each event is one text message of JSON.
 */
final class WebSocketStream implements Responder.Stream {

  private final Channel channel;
  private final StreamEnd end = new StreamEnd();

  private WebSocketStream(Channel channel) {
    this.channel = channel;
    channel.closeFuture().addListener(f -> end.end());
  }

  /** Completes the opening handshake on {@code channel} for {@code request} and returns the stream. */
  static WebSocketStream accept(Channel channel, FullHttpRequest request) {
    String location = "wss://" + request.headers().get("Host", "localhost") + request.uri();
    WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, null, true)
        .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
      channel.close();
      return new WebSocketStream(channel);
    }
    channel.pipeline().addLast("websocket-control", new ControlFrames(handshaker));
    // Events follow only once the 101 is on the wire: the JDK's WebSocket client (Fabric8's default)
    // drops frames that arrive in the same read as the handshake response.
    handshaker.handshake(channel, request).syncUninterruptibly();
    return new WebSocketStream(channel);
  }

  @Override
  public void write(byte[] chunk) {
    if (end.ended()) {
      return;
    }
    int end = chunk.length;
    while (end > 0 && chunk[end - 1] == '\n') {
      end--;
    }
    channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(chunk, 0, end)));
  }

  @Override
  public void close() {
    if (end.end()) {
      channel.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
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

  /** Answers pings and closes; the client sends nothing else on a watch. */
  private static final class ControlFrames extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final WebSocketServerHandshaker handshaker;

    ControlFrames(WebSocketServerHandshaker handshaker) {
      this.handshaker = handshaker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof CloseWebSocketFrame close) {
        handshaker.close(ctx.channel(), close.retain());
      } else if (frame instanceof PingWebSocketFrame) {
        ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
      } else if (frame instanceof TextWebSocketFrame t) {
        ctx.fireUserEventTriggered(t.content().toString(StandardCharsets.UTF_8));
      }
    }
  }
}
