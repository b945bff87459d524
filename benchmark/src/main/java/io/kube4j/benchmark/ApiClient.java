package io.kube4j.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** The HTTPS calls the benchmark makes to the apiserver; safe for many threads at once. */
interface ApiClient {

  /** POSTs a JSON body; returns the response body, or throws when the status is not 2xx. */
  byte[] post(String path, String json) throws IOException, InterruptedException;

  /** GETs {@code path} and reads the whole body; throws when the status is not 2xx. */
  byte[] get(String path) throws IOException, InterruptedException;

  /**
   * Opens a streaming GET (a watch) whose body lines go to {@code lines}. The future completes with
   * the status code as soon as the response headers arrive; the body keeps streaming after it, until
   * the subscription is cancelled.
   */
  CompletableFuture<Integer> stream(String path, Flow.Subscriber<String> lines);

  static byte[] expectSuccess(String method, String path, int status, byte[] body) throws IOException {
    if (status / 100 != 2) {
      throw new IOException(method + " " + path + ": HTTP " + status + ": " + new String(body, StandardCharsets.UTF_8));
    }
    return body;
  }
}
