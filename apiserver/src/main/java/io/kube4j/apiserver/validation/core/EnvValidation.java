package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.LabelValidation;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Container environment: variable names (v1.32's relaxed rule: printable ASCII but {@code =}), exactly one
 * {@code valueFrom} source, downward API field paths, and {@code envFrom} references. Mirrors
 * {@code ValidateEnv}, {@code validateEnvVarValueFrom} and {@code ValidateEnvFrom}.
 */
public final class EnvValidation {

  private static final Set<String> ENV_FIELDS = new TreeSet<>(List.of("metadata.name", "metadata.namespace",
      "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs",
      "status.podIP", "status.podIPs"));
  private static final Set<String> RESOURCE_FIELDS = new TreeSet<>(List.of("limits.cpu", "limits.memory",
      "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage"));

  /** The labels {@code ConvertDownwardAPIFieldLabel} knows for v1 pods. */
  private static final Set<String> DOWNWARD_LABELS = Set.of("metadata.annotations", "metadata.labels",
      "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
      "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs",
      "status.podIP", "status.podIPs");

  private EnvValidation() {}

  public static ErrorList validateEnv(List<EnvVar> vars, Path field) {
    ErrorList errs = new ErrorList();
    if (vars == null) {
      return errs;
    }
    for (int i = 0; i < vars.size(); i++) {
      EnvVar ev = vars.get(i);
      Path idx = field.index(i);
      String name = nz(ev.getName());
      if (name.isEmpty()) {
        errs.required(idx.child("name"), "");
      } else {
        errs.invalidEach(idx.child("name"), name, Validation.isRelaxedEnvVarName(name));
      }
      errs.addAll(validateValueFrom(ev, idx.child("valueFrom")));
    }
    return errs;
  }

  private static ErrorList validateValueFrom(EnvVar ev, Path field) {
    ErrorList errs = new ErrorList();
    EnvVarSource from = ev.getValueFrom();
    if (from == null) {
      return errs;
    }
    int num = 0;
    if (from.getFieldRef() != null) {
      num++;
      errs.addAll(validateObjectFieldSelector(from.getFieldRef(), ENV_FIELDS, field.child("fieldRef")));
    }
    if (from.getResourceFieldRef() != null) {
      num++;
      errs.addAll(validateResourceFieldSelector(from.getResourceFieldRef(), field.child("resourceFieldRef"), false));
    }
    if (from.getConfigMapKeyRef() != null) {
      num++;
      errs.addAll(validateKeySelector(nz(from.getConfigMapKeyRef().getName()), nz(from.getConfigMapKeyRef().getKey()),
          field.child("configMapKeyRef")));
    }
    if (from.getSecretKeyRef() != null) {
      num++;
      errs.addAll(validateKeySelector(nz(from.getSecretKeyRef().getName()), nz(from.getSecretKeyRef().getKey()),
          field.child("secretKeyRef")));
    }
    if (num == 0) {
      errs.invalid(field, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or "
          + "`secretKeyRef`");
    } else if (!nz(ev.getValue()).isEmpty()) {
      errs.invalid(field, "", "may not be specified when `value` is not empty");
    } else if (num > 1) {
      errs.invalid(field, "", "may not have more than one field specified at a time");
    }
    return errs;
  }

  private static ErrorList validateKeySelector(String name, String key, Path field) {
    ErrorList errs = new ErrorList();
    errs.invalidEach(field.child("name"), name, NameValidator.DNS_SUBDOMAIN.validate(name, false));
    if (key.isEmpty()) {
      errs.required(field.child("key"), "");
    } else {
      errs.invalidEach(field.child("key"), key, Validation.isConfigMapKey(key));
    }
    return errs;
  }

  /** {@code validateObjectFieldSelector}: {@code metadata.labels['k']} and friends, or a known path. */
  static ErrorList validateObjectFieldSelector(ObjectFieldSelector fs, Set<String> expressions, Path field) {
    ErrorList errs = new ErrorList();
    if (nz(fs.getApiVersion()).isEmpty()) {
      return errs.required(field.child("apiVersion"), "");
    }
    String path = nz(fs.getFieldPath());
    if (path.isEmpty()) {
      return errs.required(field.child("fieldPath"), "");
    }
    if (!fs.getApiVersion().equals("v1")) {
      return errs.invalid(field.child("fieldPath"), path,
          "error converting fieldPath: unsupported pod version: " + fs.getApiVersion());
    }
    int bracket = path.indexOf('[');
    boolean subscripted = bracket > 0 && path.endsWith("']") && path.startsWith("['", bracket);
    if (subscripted) {
      String base = path.substring(0, bracket);
      String subscript = path.substring(bracket + 2, path.length() - 2);
      switch (base) {
        case "metadata.annotations" -> errs.addAll(LabelValidation.validateLabelName(
            subscript.toLowerCase(java.util.Locale.ROOT), field));
        case "metadata.labels" -> errs.addAll(LabelValidation.validateLabelName(subscript, field));
        default -> errs.invalid(field.child("fieldPath"), path,
            "error converting fieldPath: field label does not support subscript: " + path);
      }
      return errs;
    }
    String internal = path.equals("spec.host") ? "spec.nodeName" : path;
    if (!DOWNWARD_LABELS.contains(internal)) {
      return errs.invalid(field.child("fieldPath"), path,
          "error converting fieldPath: field label not supported: " + path);
    }
    if (!expressions.contains(internal)) {
      errs.notSupported(field.child("fieldPath"), internal, expressions);
    }
    return errs;
  }

  static ErrorList validateResourceFieldSelector(ResourceFieldSelector fs, Path field, boolean volume) {
    ErrorList errs = new ErrorList();
    String resource = nz(fs.getResource());
    if (volume && nz(fs.getContainerName()).isEmpty()) {
      errs.required(field.child("containerName"), "");
    } else if (resource.isEmpty()) {
      errs.required(field.child("resource"), "");
    } else if (!RESOURCE_FIELDS.contains(resource) && !resource.startsWith("requests.hugepages-")
        && !resource.startsWith("limits.hugepages-")) {
      errs.notSupported(field.child("resource"), resource, RESOURCE_FIELDS);
    }
    return errs;
  }

  public static ErrorList validateEnvFrom(List<EnvFromSource> sources, Path field) {
    ErrorList errs = new ErrorList();
    if (sources == null) {
      return errs;
    }
    for (int i = 0; i < sources.size(); i++) {
      EnvFromSource ef = sources.get(i);
      Path idx = field.index(i);
      String prefix = nz(ef.getPrefix());
      if (!prefix.isEmpty()) {
        errs.invalidEach(idx.child("prefix"), prefix, Validation.isRelaxedEnvVarName(prefix));
      }
      int num = 0;
      if (ef.getConfigMapRef() != null) {
        num++;
        errs.addAll(validateEnvSourceName(nz(ef.getConfigMapRef().getName()), idx.child("configMapRef")));
      }
      if (ef.getSecretRef() != null) {
        num++;
        errs.addAll(validateEnvSourceName(nz(ef.getSecretRef().getName()), idx.child("secretRef")));
      }
      if (num == 0) {
        errs.invalid(field, "", "must specify one of: `configMapRef` or `secretRef`");
      } else if (num > 1) {
        errs.invalid(field, "", "may not have more than one field specified at a time");
      }
    }
    return errs;
  }

  private static ErrorList validateEnvSourceName(String name, Path field) {
    ErrorList errs = new ErrorList();
    if (name.isEmpty()) {
      errs.required(field.child("name"), "");
    } else {
      errs.invalidEach(field.child("name"), name, NameValidator.DNS_SUBDOMAIN.validate(name, true));
    }
    return errs;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
