package io.kube4j.apiserver.endpoints;

/**
 * The answering side of one request, implemented by the HTTP layer. Either {@link #respond} once, or
 * {@link #openStream} once and write to the stream until it closes.
 */
public interface Responder {

  void respond(Response response);

  /** Starts a chunked response (a watch, a log stream) with the given status and content type. */
  Stream openStream(int status, String contentType);

  /** A chunked response in progress. Writes are asynchronous and may come from any thread. */
  interface Stream {

    /** Writes and flushes one chunk (one watch event). */
    void write(byte[] chunk);

    /** Ends the response. Idempotent. */
    void close();

    /** Runs {@code action} once when the stream ends, by {@link #close()} or because the client left. */
    void onClose(Runnable action);

    /** Whether the client can take more without the server buffering (Netty's channel writability). */
    boolean isWritable();
  }
}
