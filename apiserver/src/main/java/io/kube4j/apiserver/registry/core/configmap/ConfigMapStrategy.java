package io.kube4j.apiserver.registry.core.configmap;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** How config maps are validated ({@code configMapStrategy}, {@code ValidateConfigMap}). */
public final class ConfigMapStrategy implements Strategy<ConfigMap> {

  /** {@code core.MaxSecretSize}, shared by config maps: 1 MiB of data and binary data together. */
  public static final int MAX_SIZE = 1024 * 1024;

  @Override
  public List<FieldError> validate(ConfigMap cm) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(cm.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    long total = 0;
    Map<String, String> binary = cm.getBinaryData() == null ? Map.of() : cm.getBinaryData();
    if (cm.getData() != null) {
      for (Map.Entry<String, String> e : new TreeMap<>(cm.getData()).entrySet()) {
        Path p = Path.root("data").key(e.getKey());
        errs.invalidEach(p, e.getKey(), Validation.isConfigMapKey(e.getKey()));
        if (binary.containsKey(e.getKey())) {
          errs.invalid(p, e.getKey(), "duplicate of key present in binaryData");
        }
        total += e.getValue() == null ? 0 : Validation.len(e.getValue());
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(binary).entrySet()) {
      errs.invalidEach(Path.root("binaryData").key(e.getKey()), e.getKey(), Validation.isConfigMapKey(e.getKey()));
      total += decodedLength(e.getValue());
    }
    if (total > MAX_SIZE) {
      errs.tooLong(Path.root(""), MAX_SIZE);
    }
    return errs;
  }

  /** {@code ValidateConfigMapUpdate}: an immutable config map keeps its data and its flag. */
  @Override
  public List<FieldError> validateUpdate(ConfigMap cm, ConfigMap old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(cm.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    if (Boolean.TRUE.equals(old.getImmutable())) {
      String why = "field is immutable when `immutable` is set";
      if (!Boolean.TRUE.equals(cm.getImmutable())) {
        errs.forbidden(Path.root("immutable"), why);
      }
      if (!Objects.equals(emptyToNull(cm.getData()), emptyToNull(old.getData()))) {
        errs.forbidden(Path.root("data"), why);
      }
      if (!Objects.equals(emptyToNull(cm.getBinaryData()), emptyToNull(old.getBinaryData()))) {
        errs.forbidden(Path.root("binaryData"), why);
      }
    }
    errs.addAll(validate(cm));
    return errs;
  }

  static long decodedLength(String base64) {
    if (base64 == null) {
      return 0;
    }
    try {
      return Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return base64.length();
    }
  }

  private static Map<String, String> emptyToNull(Map<String, String> m) {
    return m == null || m.isEmpty() ? null : m;
  }
}
