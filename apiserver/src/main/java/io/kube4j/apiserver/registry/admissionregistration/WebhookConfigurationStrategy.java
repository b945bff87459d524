package io.kube4j.apiserver.registry.admissionregistration;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Both webhook configuration kinds: upstream's defaults and the validation that matters at runtime. */
public final class WebhookConfigurationStrategy<T extends HasMetadata> implements Strategy<T> {

  public static final WebhookConfigurationStrategy<MutatingWebhookConfiguration> MUTATING =
      new WebhookConfigurationStrategy<>();
  public static final WebhookConfigurationStrategy<ValidatingWebhookConfiguration> VALIDATING =
      new WebhookConfigurationStrategy<>();

  /** One webhook, whichever kind: the parts defaults and validation touch. */
  private record Hook(String name, WebhookClientConfig client, String sideEffects, List<String> versions,
      List<RuleWithOperations> rules) {}

  @Override
  public void applyDefaults(T obj) {
    if (obj instanceof MutatingWebhookConfiguration m && m.getWebhooks() != null) {
      for (MutatingWebhook w : m.getWebhooks()) {
        w.setFailurePolicy(or(w.getFailurePolicy(), "Fail"));
        w.setMatchPolicy(or(w.getMatchPolicy(), "Equivalent"));
        w.setTimeoutSeconds(w.getTimeoutSeconds() == null ? 10 : w.getTimeoutSeconds());
        w.setReinvocationPolicy(or(w.getReinvocationPolicy(), "Never"));
        w.setNamespaceSelector(w.getNamespaceSelector() == null ? new LabelSelector() : w.getNamespaceSelector());
        w.setObjectSelector(w.getObjectSelector() == null ? new LabelSelector() : w.getObjectSelector());
        defaultRules(w.getRules());
      }
    }
    if (obj instanceof ValidatingWebhookConfiguration v && v.getWebhooks() != null) {
      for (ValidatingWebhook w : v.getWebhooks()) {
        w.setFailurePolicy(or(w.getFailurePolicy(), "Fail"));
        w.setMatchPolicy(or(w.getMatchPolicy(), "Equivalent"));
        w.setTimeoutSeconds(w.getTimeoutSeconds() == null ? 10 : w.getTimeoutSeconds());
        w.setNamespaceSelector(w.getNamespaceSelector() == null ? new LabelSelector() : w.getNamespaceSelector());
        w.setObjectSelector(w.getObjectSelector() == null ? new LabelSelector() : w.getObjectSelector());
        defaultRules(w.getRules());
      }
    }
  }

  @Override
  public List<FieldError> validate(T obj) {
    ErrorList errs = ObjectMetaValidation.validateObjectMeta(obj.getMetadata(), false, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    List<Hook> hooks = obj instanceof MutatingWebhookConfiguration m ? orEmpty(m.getWebhooks()).stream()
        .map(w -> new Hook(w.getName(), w.getClientConfig(), w.getSideEffects(), w.getAdmissionReviewVersions(),
            w.getRules())).toList()
        : orEmpty(((ValidatingWebhookConfiguration) obj).getWebhooks()).stream()
        .map(w -> new Hook(w.getName(), w.getClientConfig(), w.getSideEffects(), w.getAdmissionReviewVersions(),
            w.getRules())).toList();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < hooks.size(); i++) {
      Hook h = hooks.get(i);
      Path p = Path.root("webhooks").index(i);
      if (h.name() == null || h.name().isEmpty()) {
        errs.required(p.child("name"), "");
      } else {
        if (h.name().split("\\.").length < 3) {
          errs.invalid(p.child("name"), h.name(), "should be a domain with at least three segments separated by dots");
        }
        if (!names.add(h.name())) {
          errs.duplicate(p.child("name"), h.name());
        }
      }
      if (h.sideEffects() == null) {
        errs.required(p.child("sideEffects"), "must specify one of None, NoneOnDryRun");
      } else if (!List.of("None", "NoneOnDryRun").contains(h.sideEffects())) {
        errs.notSupported(p.child("sideEffects"), h.sideEffects(), List.of("None", "NoneOnDryRun"));
      }
      if (h.versions() == null || h.versions().isEmpty()) {
        errs.required(p.child("admissionReviewVersions"), "must specify one of v1, v1beta1");
      }
      WebhookClientConfig c = h.client();
      boolean url = c != null && c.getUrl() != null && !c.getUrl().isEmpty();
      boolean service = c != null && c.getService() != null;
      if (url == service) {
        errs.required(p.child("clientConfig"), "exactly one of url or service is required");
      } else if (url && !c.getUrl().startsWith("https://")) {
        errs.invalid(p.child("clientConfig", "url"), c.getUrl(), "'https' is the only allowed URL scheme");
      }
    }
    return errs;
  }

  private static void defaultRules(List<RuleWithOperations> rules) {
    for (RuleWithOperations r : orEmpty(rules)) {
      r.setScope(or(r.getScope(), "*"));
    }
  }

  private static String or(String v, String dflt) {
    return v == null || v.isEmpty() ? dflt : v;
  }

  private static <X> List<X> orEmpty(List<X> l) {
    return l == null ? List.of() : l;
  }
}
