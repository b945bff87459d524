package io.kube4j.apiserver.admission.plugins.podsecurity;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.ValidatingAdmission;
import io.kube4j.apiserver.api.StatusException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The PodSecurity admission plugin. A namespace's labels choose a level per mode:
 * {@code pod-security.kubernetes.io/enforce=baseline|restricted} refuses a pod that does not meet it;
 * {@code .../warn} lets it in with a warning kubectl prints. Workload resources (Deployments, Jobs,
 * ...) are only warned about, from their pod template, so a bad template is noticed before its
 * controller's pods are refused.
 */
public final class PodSecurity implements ValidatingAdmission {

  static final String ENFORCE = "pod-security.kubernetes.io/enforce";
  static final String WARN = "pod-security.kubernetes.io/warn";

  private final Function<String, Optional<Namespace>> namespaces;

  public PodSecurity(Function<String, Optional<Namespace>> namespaces) {
    this.namespaces = namespaces;
  }

  @Override
  public String name() {
    return "PodSecurity";
  }

  @Override
  public boolean handles(Attributes.Operation operation) {
    return operation == Attributes.Operation.CREATE || operation == Attributes.Operation.UPDATE;
  }

  @Override
  public void validate(Attributes a) {
    Map<String, String> labels = null;
    if (a.pod().isPresent() && a.operation() == Attributes.Operation.CREATE) {
      PodSpec spec = a.pod().get().getSpec();
      if (spec == null) {
        return;
      }
      labels = labels(a);
      List<PodSecurityChecks.Violation> enforced = violations(labels, ENFORCE, spec);
      if (!enforced.isEmpty()) {
        throw StatusException.forbidden(a.resource().groupResource(), a.pod().get().getMetadata().getName(),
            "violates PodSecurity " + describe(labels, ENFORCE, enforced));
      }
      warn(a, labels, spec);
      return;
    }
    Optional<PodSpec> template = a.subresource().isEmpty() ? a.object().flatMap(PodSecurity::templateSpec)
        : Optional.empty();
    if (template.isPresent()) {
      warn(a, labels(a), template.get());
    }
  }

  private void warn(Attributes a, Map<String, String> labels, PodSpec spec) {
    List<PodSecurityChecks.Violation> warned = violations(labels, WARN, spec);
    if (!warned.isEmpty()) {
      a.warnings().add("would violate PodSecurity " + describe(labels, WARN, warned));
    }
  }

  private Map<String, String> labels(Attributes a) {
    return namespaces.apply(a.namespace()).map(n -> n.getMetadata().getLabels()).orElse(Map.of());
  }

  /** The violations of the level {@code mode} asks for; none for privileged (or no label). */
  private static List<PodSecurityChecks.Violation> violations(Map<String, String> labels, String mode, PodSpec spec) {
    String level = labels == null ? "privileged" : labels.getOrDefault(mode, "privileged");
    if (!level.equals("baseline") && !level.equals("restricted")) {
      return List.of();
    }
    return PodSecurityChecks.check(level, spec);
  }

  /** {@code "restricted:latest": allowPrivilegeEscalation != false (...), ...}. */
  private static String describe(Map<String, String> labels, String mode,
      List<PodSecurityChecks.Violation> violations) {
    return "\"" + labels.get(mode) + ":" + labels.getOrDefault(mode + "-version", "latest") + "\": "
        + violations.stream().map(Object::toString).collect(Collectors.joining(", "));
  }

  /** The pod template of a workload resource (the objects upstream's PodSpecExtractor knows). */
  static Optional<PodSpec> templateSpec(HasMetadata obj) {
    PodTemplateSpec t = null;
    if (obj instanceof io.fabric8.kubernetes.api.model.apps.Deployment d && d.getSpec() != null) {
      t = d.getSpec().getTemplate();
    } else if (obj instanceof io.fabric8.kubernetes.api.model.apps.ReplicaSet r && r.getSpec() != null) {
      t = r.getSpec().getTemplate();
    } else if (obj instanceof io.fabric8.kubernetes.api.model.apps.StatefulSet s && s.getSpec() != null) {
      t = s.getSpec().getTemplate();
    } else if (obj instanceof io.fabric8.kubernetes.api.model.apps.DaemonSet d && d.getSpec() != null) {
      t = d.getSpec().getTemplate();
    } else if (obj instanceof io.fabric8.kubernetes.api.model.batch.v1.Job j && j.getSpec() != null) {
      t = j.getSpec().getTemplate();
    } else if (obj instanceof io.fabric8.kubernetes.api.model.batch.v1.CronJob c && c.getSpec() != null
        && c.getSpec().getJobTemplate() != null && c.getSpec().getJobTemplate().getSpec() != null) {
      t = c.getSpec().getJobTemplate().getSpec().getTemplate();
    } else if (obj instanceof io.fabric8.kubernetes.api.model.ReplicationController rc && rc.getSpec() != null) {
      t = rc.getSpec().getTemplate();
    } else if (obj instanceof io.fabric8.kubernetes.api.model.PodTemplate pt) {
      t = pt.getTemplate();
    }
    return Optional.ofNullable(t).map(PodTemplateSpec::getSpec);
  }
}
