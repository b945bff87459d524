package io.kube4j.apiserver.admission.plugins.webhook;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.ValidatingAdmission;
import io.kube4j.apiserver.runtime.Codec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** ValidatingAdmissionWebhook: every matching webhook must allow the object as it will be stored. */
public final class ValidatingWebhooks implements ValidatingAdmission {

  private final Supplier<List<ValidatingWebhookConfiguration>> configurations;
  private final Webhooks webhooks;

  ValidatingWebhooks(Supplier<List<ValidatingWebhookConfiguration>> configurations, Webhooks webhooks) {
    this.configurations = configurations;
    this.webhooks = webhooks;
  }

  /** Both plugins, sharing one HTTPS client pool. */
  public static List<io.kube4j.apiserver.admission.AdmissionPlugin> plugins(
      Supplier<List<MutatingWebhookConfiguration>> mutating, Supplier<List<ValidatingWebhookConfiguration>> validating,
      Function<String, Optional<Namespace>> namespaces, Codec codec) {
    Webhooks shared = new Webhooks(new WebhookCaller(codec), namespaces);
    return List.of(new MutatingWebhooks(mutating, shared, codec), new ValidatingWebhooks(validating, shared));
  }

  @Override
  public String name() {
    return "ValidatingAdmissionWebhook";
  }

  @Override
  public void validate(Attributes a) {
    if (Webhooks.exempt(a)) {
      return;
    }
    for (ValidatingWebhookConfiguration c : configurations.get().stream()
        .sorted(Comparator.comparing(Webhooks::name)).toList()) {
      for (ValidatingWebhook w : Webhooks.orEmpty(c.getWebhooks())) {
        Webhooks.Hook h = new Webhooks.Hook(w.getName(), w.getClientConfig(), w.getRules(), w.getNamespaceSelector(),
            w.getObjectSelector(), w.getFailurePolicy(), w.getSideEffects(),
            Webhooks.orDefault(w.getTimeoutSeconds(), () -> 10));
        if (webhooks.matches(h, a)) {
          webhooks.call(h, a);
        }
      }
    }
  }
}
