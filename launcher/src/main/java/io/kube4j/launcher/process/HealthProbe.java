package io.kube4j.launcher.process;

import io.kube4j.launcher.cluster.Component.HealthCheck;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Probes a component's health URL as kubeadm's wait-control-plane phase and kubelet probes do: a
 * GET that must answer 200 with the expected body. HTTPS URLs are verified against the cluster CA
 * and the probe presents the admin client certificate, as kubectl would.
 */
public final class HealthProbe {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(250);

  /** The outcome of one probe: {@code detail} is the body, or why there was none. */
  public record Result(boolean healthy, String detail) {}

  private final Optional<HttpClient> https;
  private final HttpClient http;

  /** {@code tls} is empty when there is no cluster PKI yet; HTTPS probes then fail with that reason. */
  public HealthProbe(Optional<SSLContext> tls) {
    this.http = client(Optional.empty());
    this.https = tls.map(context -> client(Optional.of(context)));
  }

  public Result probe(HealthCheck check) {
    boolean secure = "https".equals(check.url().getScheme());
    if (secure && https.isEmpty()) {
      return new Result(false, "no cluster certificates to call " + check.url() + " with");
    }
    HttpClient client = secure ? https.get() : http;
    HttpRequest request = HttpRequest.newBuilder(check.url()).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      String body = abbreviate(response.body().trim());
      if (check.accepts(response.statusCode(), response.body())) {
        return new Result(true, body);
      }
      return new Result(false, "HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + body));
    } catch (ConnectException e) {
      return new Result(false, "connection refused");
    } catch (HttpTimeoutException e) {
      return new Result(false, "no answer within " + REQUEST_TIMEOUT.toSeconds() + "s");
    } catch (SSLException e) {
      return new Result(false, "TLS failure: " + e.getMessage());
    } catch (IOException e) {
      return new Result(false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted");
    }
  }

  /**
   * Probes until healthy, until {@code stillRunning} turns false (the process exited: no point
   * waiting), or until {@code timeout}; returns the last result.
   */
  public Result await(HealthCheck check, Duration timeout, BooleanSupplier stillRunning) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Result result = probe(check);
      if (result.healthy()) {
        return result;
      }
      if (!stillRunning.getAsBoolean()) {
        return new Result(false, "the process exited (last probe: " + result.detail() + ")");
      }
      if (Instant.now().isAfter(deadline)) {
        return new Result(false, "not ready after " + timeout.toSeconds() + "s (last probe: " + result.detail() + ")");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(false, "interrupted");
      }
    }
  }

  private static HttpClient client(Optional<SSLContext> tls) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2));
    tls.ifPresent(builder::sslContext);
    return builder.build();
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
