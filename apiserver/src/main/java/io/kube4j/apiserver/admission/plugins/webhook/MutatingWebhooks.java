package io.kube4j.apiserver.admission.plugins.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jsonpatch.JsonPatch;
import com.github.fge.jsonpatch.JsonPatchException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.MutatingAdmission;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.runtime.Codec;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * MutatingAdmissionWebhook: configurations in name order, their webhooks in order; each matching
 * webhook sees the object as the previous ones left it, and its JSON patch is applied.
 */
public final class MutatingWebhooks implements MutatingAdmission {

  private final Supplier<List<MutatingWebhookConfiguration>> configurations;
  private final Webhooks webhooks;
  private final Codec codec;

  MutatingWebhooks(Supplier<List<MutatingWebhookConfiguration>> configurations, Webhooks webhooks, Codec codec) {
    this.configurations = configurations;
    this.webhooks = webhooks;
    this.codec = codec;
  }

  @Override
  public String name() {
    return "MutatingAdmissionWebhook";
  }

  @Override
  public Attributes admit(Attributes attributes) {
    if (Webhooks.exempt(attributes)) {
      return attributes;
    }
    Attributes a = attributes;
    List<MutatingWebhookConfiguration> all = configurations.get().stream()
        .sorted(Comparator.comparing(Webhooks::name)).toList();
    for (MutatingWebhookConfiguration c : all) {
      for (MutatingWebhook w : Webhooks.orEmpty(c.getWebhooks())) {
        Webhooks.Hook h = new Webhooks.Hook(w.getName(), w.getClientConfig(), w.getRules(), w.getNamespaceSelector(),
            w.getObjectSelector(), w.getFailurePolicy(), w.getSideEffects(),
            Webhooks.orDefault(w.getTimeoutSeconds(), () -> 10));
        if (!webhooks.matches(h, a)) {
          continue;
        }
        Optional<WebhookCaller.Reply> reply = webhooks.call(h, a);
        if (reply.isPresent() && reply.get().patch().isPresent() && a.object().isPresent()) {
          a = a.withObject(patched(a.object().get(), reply.get().patch().get(), h.name()));
        }
      }
    }
    return a;
  }

  private HasMetadata patched(HasMetadata obj, byte[] patch, String webhook) {
    try {
      JsonNode after = JsonPatch.fromJson(codec.tree(patch)).apply(codec.toTree(obj));
      return codec.bind(after, obj.getClass());
    } catch (IOException | JsonPatchException | RuntimeException e) {
      throw StatusException.internal("admission webhook \"" + webhook + "\" returned a patch that does not apply: "
          + e.getMessage());
    }
  }
}
