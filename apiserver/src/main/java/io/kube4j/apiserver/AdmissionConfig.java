package io.kube4j.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.kube4j.apiserver.admission.AdmissionChain;
import io.kube4j.apiserver.admission.AdmissionPlugin;
import io.kube4j.apiserver.admission.plugins.certificates.CertificateApproval;
import io.kube4j.apiserver.admission.plugins.certificates.CertificateSigning;
import io.kube4j.apiserver.admission.plugins.certificates.CertificateSubjectRestriction;
import io.kube4j.apiserver.admission.plugins.defaulttolerationseconds.DefaultTolerationSeconds;
import io.kube4j.apiserver.admission.plugins.limitranger.LimitRanger;
import io.kube4j.apiserver.admission.plugins.namespacelifecycle.NamespaceLifecycle;
import io.kube4j.apiserver.admission.plugins.noderestriction.NodeRestriction;
import io.kube4j.apiserver.admission.plugins.podsecurity.PodSecurity;
import io.kube4j.apiserver.admission.plugins.priority.Priority;
import io.kube4j.apiserver.admission.plugins.resourcequota.QuotaRecount;
import io.kube4j.apiserver.admission.plugins.resourcequota.ResourceQuotaAdmission;
import io.kube4j.apiserver.admission.plugins.serviceaccount.ServiceAccountAdmission;
import io.kube4j.apiserver.admission.plugins.webhook.ValidatingWebhooks;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.watch.SelectionPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the admission chain in upstream's order ({@code AllOrderedPlugins}): each plugin reads the
 * objects it needs from the watch caches. Mutating plugins run in this order, then validating ones.
 */
final class AdmissionConfig {

  /** {@code --default-not-ready-toleration-seconds} and {@code --default-unreachable-toleration-seconds}. */
  static final long DEFAULT_TOLERATION_SECONDS = 300;

  private final ApiServer server;
  private final Codec codec;
  private QuotaRecount quotaRecount;

  AdmissionConfig(ApiServer server, Codec codec) {
    this.server = server;
    this.codec = codec;
  }

  AdmissionChain build(Authorizer authorizer, AuthorizerConfig authorizers) {
    List<AdmissionPlugin> plugins = new ArrayList<>(List.of(namespaceLifecycle(), limitRanger(), serviceAccount(),
        nodeRestriction(),
        podSecurity(), priority(), new DefaultTolerationSeconds(DEFAULT_TOLERATION_SECONDS,
            DEFAULT_TOLERATION_SECONDS)));
    authorizers.escalationCheck(authorizer).ifPresent(plugins::add);
    plugins.addAll(List.of(new CertificateApproval(authorizer), new CertificateSigning(authorizer),
        new CertificateSubjectRestriction()));
    plugins.addAll(webhooks());
    plugins.add(resourceQuota());
    List<String> disabled = server.config().disabledAdmissionPlugins();
    plugins.removeIf(p -> disabled.contains(p.name()));
    return new AdmissionChain(plugins);
  }

  void close() {
    if (quotaRecount != null) {
      quotaRecount.close();
    }
  }

  private NamespaceLifecycle namespaceLifecycle() {
    Store<Namespace> namespaces = server.store("", "namespaces");
    return new NamespaceLifecycle(name -> cached(namespaces, "", name, Namespace.class), name -> {
      try {
        return Optional.of(namespaces.get("", name, "").objectAs(Namespace.class));
      } catch (StatusException e) {
        return Optional.empty();
      }
    });
  }

  private LimitRanger limitRanger() {
    Store<LimitRange> ranges = server.store("", "limitranges");
    return new LimitRanger(ns -> listed(ranges, ns, LimitRange.class));
  }

  private ServiceAccountAdmission serviceAccount() {
    Store<ServiceAccount> accounts = server.store("", "serviceaccounts");
    return new ServiceAccountAdmission((ns, name) -> cached(accounts, ns, name, ServiceAccount.class).or(() -> {
      // the cache may lag a service account created a moment ago: ask storage before refusing
      try {
        return Optional.of(accounts.get(ns, name, "").objectAs(ServiceAccount.class));
      } catch (StatusException e) {
        return Optional.empty();
      }
    }));
  }

  private NodeRestriction nodeRestriction() {
    Store<Pod> pods = server.store("", "pods");
    Store<Node> nodes = server.store("", "nodes");
    return new NodeRestriction((ns, name) -> cached(pods, ns, name, Pod.class),
        name -> cached(nodes, "", name, Node.class));
  }

  private PodSecurity podSecurity() {
    Store<Namespace> namespaces = server.store("", "namespaces");
    return new PodSecurity(name -> cached(namespaces, "", name, Namespace.class));
  }

  private Priority priority() {
    Store<PriorityClass> classes = server.store("scheduling.k8s.io", "priorityclasses");
    return new Priority(name -> cached(classes, "", name, PriorityClass.class),
        () -> listed(classes, "", PriorityClass.class));
  }

  /** Mutating and validating admission webhooks, their configurations read from the watch caches. */
  private List<AdmissionPlugin> webhooks() {
    Store<MutatingWebhookConfiguration> mutating =
        server.store("admissionregistration.k8s.io", "mutatingwebhookconfigurations");
    Store<ValidatingWebhookConfiguration> validating =
        server.store("admissionregistration.k8s.io", "validatingwebhookconfigurations");
    Store<Namespace> namespaces = server.store("", "namespaces");
    return ValidatingWebhooks.plugins(() -> listed(mutating, "", MutatingWebhookConfiguration.class),
        () -> listed(validating, "", ValidatingWebhookConfiguration.class),
        name -> cached(namespaces, "", name, Namespace.class), codec);
  }

  /** ResourceQuota admission (last, as upstream) and the recount that keeps usage true. */
  private ResourceQuotaAdmission resourceQuota() {
    Store<ResourceQuota> quotas = server.store("", "resourcequotas");
    quotaRecount = new QuotaRecount(quotas, (group, resource) -> {
      try {
        return Optional.<Store<?>>of(server.store(group, resource));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }).start();
    return new ResourceQuotaAdmission(quotas,
        ns -> listed(quotas, ns, ResourceQuota.class).stream().map(q -> q.getMetadata().getName()).toList());
  }

  private static <T extends HasMetadata> Optional<T> cached(Store<T> store, String namespace, String name,
      Class<T> type) {
    return store.cache().get(store.key(namespace, name)).map(c -> c.objectAs(type));
  }

  /** Every object of a namespace ({@code ""}: of every namespace, or a cluster-scoped resource). */
  private static <T extends HasMetadata> List<T> listed(Store<T> store, String namespace, Class<T> type) {
    SelectionPredicate p = namespace.isEmpty() ? SelectionPredicate.EVERYTHING : SelectionPredicate.inNamespace(namespace);
    return store.cache().list(p).items().stream().map(c -> c.objectAs(type)).toList();
  }
}
