package io.kube4j.apiserver.admission.plugins.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.GroupVersionResource;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.runtime.Codec;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Sends one AdmissionReview (v1) to a webhook over HTTPS and reads its answer. */
final class WebhookCaller {

  /** What a webhook answered. */
  record Reply(boolean allowed, Optional<JsonNode> status, Optional<byte[]> patch, List<String> warnings) {}

  /** The webhook could not be asked (unreachable, timed out, or answered nonsense). */
  static final class CallFailure extends Exception {
    CallFailure(String message) {
      super(message);
    }
  }

  private final Codec codec;
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

  WebhookCaller(Codec codec) {
    this.codec = codec;
  }

  Reply call(WebhookClientConfig client, int timeoutSeconds, Attributes a) throws CallFailure {
    if (client == null || client.getUrl() == null || client.getUrl().isEmpty()) {
      throw new CallFailure("failed to call webhook: webhooks reached through a service reference are not supported "
          + "by kube4j; use clientConfig.url");
    }
    String url = client.getUrl();
    AdmissionReview review = new AdmissionReview();
    review.setApiVersion("admission.k8s.io/v1");
    review.setKind("AdmissionReview");
    review.setRequest(request(a));
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeoutSeconds))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(codec.encode(review))).build();
    HttpResponse<byte[]> resp;
    try {
      resp = client(client.getCaBundle()).send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.net.http.HttpTimeoutException e) {
      throw new CallFailure("failed to call webhook: Post \"" + url + "\": context deadline exceeded");
    } catch (java.io.IOException e) {
      throw new CallFailure("failed to call webhook: Post \"" + url + "\": " + rootCause(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallFailure("failed to call webhook: interrupted");
    }
    if (resp.statusCode() / 100 != 2) {
      throw new CallFailure("failed to call webhook: the server responded with the status code " + resp.statusCode()
          + " but did not return more information");
    }
    JsonNode response = codec.tree(resp.body()).path("response");
    if (response.isMissingNode()) {
      throw new CallFailure("received invalid webhook response: response is empty");
    }
    Optional<byte[]> patch = response.hasNonNull("patch")
        ? Optional.of(Base64.getDecoder().decode(response.get("patch").asText())) : Optional.empty();
    List<String> warnings = new java.util.ArrayList<>();
    response.path("warnings").forEach(w -> warnings.add(w.asText()));
    return new Reply(response.path("allowed").asBoolean(false), Optional.ofNullable(response.get("status")), patch,
        warnings);
  }

  private AdmissionRequest request(Attributes a) {
    AdmissionRequest r = new AdmissionRequest();
    r.setUid(UUID.randomUUID().toString());
    GroupVersionKind kind = new GroupVersionKind(a.resource().group(), a.resource().kind(), a.resource().version());
    GroupVersionResource resource = new GroupVersionResource(a.resource().group(), a.resource().resource(),
        a.resource().version());
    r.setKind(kind);
    r.setResource(resource);
    r.setRequestKind(kind);
    r.setRequestResource(resource);
    if (!a.subresource().isEmpty()) {
      r.setSubResource(a.subresource());
      r.setRequestSubResource(a.subresource());
    }
    r.setName(a.name().isEmpty() ? a.object().map(o -> o.getMetadata().getName()).orElse("") : a.name());
    if (!a.namespace().isEmpty()) {
      r.setNamespace(a.namespace());
    }
    r.setOperation(a.operation().name());
    a.user().ifPresent(u -> r.setUserInfo(new UserInfo(u.extra().isEmpty() ? null : u.extra(), u.groups(),
        u.uid().isEmpty() ? null : u.uid(), u.name())));
    a.object().ifPresent(r::setObject);
    a.oldObject().ifPresent(r::setOldObject);
    r.setDryRun(a.dryRun());
    return r;
  }

  private HttpClient client(String caBundle) throws CallFailure {
    String key = caBundle == null ? "" : caBundle;
    HttpClient c = clients.get(key);
    if (c != null) {
      return c;
    }
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (!key.isEmpty()) {
      try {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (Certificate cert : CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(Base64.getDecoder().decode(key)))) {
          trust.setCertificateEntry("ca" + i++, cert);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        b.sslContext(tls);
      } catch (Exception e) {
        throw new CallFailure("failed to call webhook: caBundle: " + e.getMessage());
      }
    }
    c = b.build();
    clients.put(key, c);
    return c;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
