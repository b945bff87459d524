package io.kube4j.apiserver.admission.plugins.podsecurity;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.ValidatingAdmission;
import io.kube4j.apiserver.api.StatusException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The PodSecurity admission plugin, enforce mode: a pod created in a namespace labelled
 * {@code pod-security.kubernetes.io/enforce=baseline|restricted} must meet that standard.
 */
public final class PodSecurity implements ValidatingAdmission {

  static final String ENFORCE = "pod-security.kubernetes.io/enforce";

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
    return operation == Attributes.Operation.CREATE;
  }

  @Override
  public void validate(Attributes a) {
    Optional<Pod> found = a.pod();
    if (found.isEmpty()) {
      return;
    }
    Map<String, String> labels = namespaces.apply(a.namespace()).map(n -> n.getMetadata().getLabels())
        .orElse(null);
    String level = labels == null ? "privileged" : labels.getOrDefault(ENFORCE, "privileged");
    if (!level.equals("baseline") && !level.equals("restricted")) {
      return;
    }
    String version = labels.getOrDefault(ENFORCE + "-version", "latest");
    Pod pod = found.get();
    if (pod.getSpec() == null) {
      return;
    }
    List<PodSecurityChecks.Violation> violations = PodSecurityChecks.check(level, pod.getSpec());
    if (!violations.isEmpty()) {
      throw StatusException.forbidden(a.resource().groupResource(), pod.getMetadata().getName(),
          "violates PodSecurity \"" + level + ":" + version + "\": "
              + violations.stream().map(Object::toString).collect(Collectors.joining(", ")));
    }
  }
}
