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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * MutatingAdmissionWebhook: configurations in name order, their webhooks in order; each matching
 * webhook sees the object as the previous ones left it, and its JSON patch is applied. A webhook with
 * {@code reinvocationPolicy: IfNeeded} is called once more, after the others, when a later webhook
 * changed the object it had seen, so it can act on the final object.
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
    List<Invoked> reinvocable = new ArrayList<>();
    for (MutatingWebhookConfiguration c : all) {
      for (MutatingWebhook w : Webhooks.orEmpty(c.getWebhooks())) {
        Webhooks.Hook h = new Webhooks.Hook(w.getName(), w.getClientConfig(), w.getRules(), w.getNamespaceSelector(),
            w.getObjectSelector(), w.getFailurePolicy(), w.getSideEffects(),
            Webhooks.orDefault(w.getTimeoutSeconds(), () -> 10));
        if (!webhooks.matches(h, a)) {
          continue;
        }
        a = invoke(h, a);
        if ("IfNeeded".equals(w.getReinvocationPolicy())) {
          reinvocable.add(new Invoked(h, a.object().map(codec::toTree)));
        }
      }
    }
    // the reinvocation round: each IfNeeded webhook whose output a later one changed, once, in order
    Optional<JsonNode> last = a.object().map(codec::toTree);
    for (Invoked i : reinvocable) {
      if (!i.left().equals(last) && webhooks.matches(i.hook(), a)) {
        a = invoke(i.hook(), a);
      }
    }
    return a;
  }

  /** A webhook with {@code IfNeeded}, and the object as it left it. */
  private record Invoked(Webhooks.Hook hook, Optional<JsonNode> left) {}

  private Attributes invoke(Webhooks.Hook h, Attributes a) {
    Optional<WebhookCaller.Reply> reply = webhooks.call(h, a);
    if (reply.isPresent() && reply.get().patch().isPresent() && a.object().isPresent()) {
      return a.withObject(patched(a.object().get(), reply.get().patch().get(), h.name()));
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
