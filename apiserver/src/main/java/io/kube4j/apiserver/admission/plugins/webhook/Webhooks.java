package io.kube4j.apiserver.admission.plugins.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.api.Reason;
import io.kube4j.apiserver.api.StatusException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What both webhook plugins share: which webhooks a request reaches, calling one, and turning its
 * refusal or failure into the client's Status as upstream words them.
 */
final class Webhooks {

  /** One webhook of either kind, as the dispatcher needs it. */
  record Hook(String name, WebhookClientConfig client, List<RuleWithOperations> rules, LabelSelector namespaceSelector,
      LabelSelector objectSelector, String failurePolicy, String sideEffects, int timeoutSeconds) {}

  private final WebhookCaller caller;
  private final Function<String, Optional<Namespace>> namespaces;

  Webhooks(WebhookCaller caller, Function<String, Optional<Namespace>> namespaces) {
    this.caller = caller;
    this.namespaces = namespaces;
  }

  /** Webhook configurations are never sent to webhooks: a broken webhook could not then be removed. */
  static boolean exempt(Attributes a) {
    return a.resource().group().equals("admissionregistration.k8s.io");
  }

  boolean matches(Hook h, Attributes a) {
    return WebhookMatch.rules(h.rules(), a)
        && WebhookMatch.selectors(h.namespaceSelector(), h.objectSelector(), a, namespaces);
  }

  /** Calls a webhook; empty when its failure is to be ignored. A refusal is thrown as the client's Status. */
  Optional<WebhookCaller.Reply> call(Hook h, Attributes a) {
    if (a.dryRun() && !"None".equals(h.sideEffects()) && !"NoneOnDryRun".equals(h.sideEffects())) {
      throw StatusException.badRequest("admission webhook \"" + h.name()
          + "\" does not support dry run");
    }
    try {
      WebhookCaller.Reply reply = caller.call(h.client(), h.timeoutSeconds(), a);
      // the webhook's warnings reach the client whether it allowed the request or not
      reply.warnings().forEach(a.warnings()::add);
      if (!reply.allowed()) {
        throw denied(h.name(), reply.status());
      }
      return Optional.of(reply);
    } catch (WebhookCaller.CallFailure e) {
      if ("Ignore".equals(h.failurePolicy())) {
        return Optional.empty();
      }
      throw StatusException.internal("failed calling webhook \"" + h.name() + "\": " + e.getMessage());
    }
  }

  /** {@code webhookerrors.ToStatusErr}: the webhook's own status, its message prefixed with who denied it. */
  private static StatusException denied(String name, Optional<JsonNode> status) {
    String deniedBy = "admission webhook \"" + name + "\" denied the request";
    String message = status.map(s -> s.path("message").asText("")).orElse("");
    String reason = status.map(s -> s.path("reason").asText("")).orElse("");
    int code = status.map(s -> s.path("code").asInt(0)).orElse(0);
    String text = !message.isEmpty() ? deniedBy + ": " + message
        : !reason.isEmpty() ? deniedBy + ": " + reason : deniedBy + " without explanation";
    int httpCode = code == 0 ? 403 : code;
    Reason r = java.util.Arrays.stream(Reason.values()).filter(x -> x.code() == httpCode).findFirst()
        .orElse(Reason.FORBIDDEN);
    return new StatusException(r, httpCode, text, null);
  }

  static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  static <T> T orDefault(T v, Supplier<T> d) {
    return v == null ? d.get() : v;
  }

  static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }
}
