package io.kube4j.apiserver.registry.core.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** How secrets are defaulted and validated ({@code secretStrategy}, {@code ValidateSecret}). */
public final class SecretStrategy implements Strategy<Secret> {

  /** {@code core.MaxSecretSize}. */
  public static final int MAX_SECRET_SIZE = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * {@code SetDefaults_Secret} ({@code type: Opaque}) and what v1→internal conversion does with
   * {@code stringData}: each entry overwrites the same key of {@code data}, base64 encoded, and
   * {@code stringData} itself is never stored.
   */
  @Override
  public void applyDefaults(Secret secret) {
    if (secret.getType() == null || secret.getType().isEmpty()) {
      secret.setType("Opaque");
    }
    if (secret.getStringData() != null && !secret.getStringData().isEmpty()) {
      Map<String, String> data = secret.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(secret.getData());
      secret.getStringData().forEach((k, v) ->
          data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
      secret.setData(data);
    }
    secret.setStringData(null);
  }

  @Override
  public List<FieldError> validate(Secret secret) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(secret.getMetadata(), true,
        NameValidator.DNS_SUBDOMAIN, Path.root("metadata"));
    Path dataPath = Path.root("data");
    Map<String, String> data = secret.getData() == null ? Map.of() : new TreeMap<>(secret.getData());
    long total = 0;
    for (Map.Entry<String, String> e : data.entrySet()) {
      errs.invalidEach(dataPath.key(e.getKey()), e.getKey(), Validation.isConfigMapKey(e.getKey()));
      total += decode(e.getValue()).length;
    }
    if (total > MAX_SECRET_SIZE) {
      errs.tooLong(dataPath, MAX_SECRET_SIZE);
    }
    String type = secret.getType() == null ? "" : secret.getType();
    switch (type) {
      case "kubernetes.io/service-account-token" -> {
        Map<String, String> ann = secret.getMetadata().getAnnotations();
        String sa = ann == null ? null : ann.get("kubernetes.io/service-account.name");
        if (sa == null || sa.isEmpty()) {
          errs.required(Path.root("metadata", "annotations").key("kubernetes.io/service-account.name"), "");
        }
      }
      case "kubernetes.io/dockercfg" -> errs.addAll(requireJson(data, ".dockercfg", dataPath));
      case "kubernetes.io/dockerconfigjson" -> errs.addAll(requireJson(data, ".dockerconfigjson", dataPath));
      case "kubernetes.io/basic-auth" -> {
        if (!data.containsKey("username") && !data.containsKey("password")) {
          errs.required(dataPath.key("username"), "");
          errs.required(dataPath.key("password"), "");
        }
      }
      case "kubernetes.io/ssh-auth" -> {
        if (decode(data.get("ssh-privatekey")).length == 0) {
          errs.required(dataPath.key("ssh-privatekey"), "");
        }
      }
      case "kubernetes.io/tls" -> {
        if (!data.containsKey("tls.crt")) {
          errs.required(dataPath.key("tls.crt"), "");
        }
        if (!data.containsKey("tls.key")) {
          errs.required(dataPath.key("tls.key"), "");
        }
      }
      default -> {
        // Opaque and custom types carry any keys
      }
    }
    return errs;
  }

  /** {@code ValidateSecretUpdate}: the type never changes; an immutable secret keeps its data. */
  @Override
  public List<FieldError> validateUpdate(Secret secret, Secret old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(secret.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(ObjectMetaValidation.validateImmutableField(nz(secret.getType()), nz(old.getType()), Path.root("type")));
    if (Boolean.TRUE.equals(old.getImmutable())) {
      String why = "field is immutable when `immutable` is set";
      if (!Boolean.TRUE.equals(secret.getImmutable())) {
        errs.forbidden(Path.root("immutable"), why);
      }
      if (!Objects.equals(emptyToNull(secret.getData()), emptyToNull(old.getData()))) {
        errs.forbidden(Path.root("data"), why);
      }
    }
    errs.addAll(validate(secret));
    return errs;
  }

  /** {@code SelectableFields}: secrets can be listed by {@code type}. */
  @Override
  public Map<String, String> selectableFields(Secret secret) {
    return Map.of("type", nz(secret.getType()));
  }

  private static ErrorList requireJson(Map<String, String> data, String key, Path dataPath) {
    ErrorList errs = new ErrorList();
    if (!data.containsKey(key)) {
      return errs.required(dataPath.key(key), "");
    }
    try {
      JSON.readValue(decode(data.get(key)), Map.class);
    } catch (java.io.IOException e) {
      errs.invalid(dataPath.key(key), "<secret contents redacted>", goJsonError(e));
    }
    return errs;
  }

  /** Go's {@code json.Unmarshal} wording for the common case of a body that is not a JSON object. */
  private static String goJsonError(java.io.IOException e) {
    if (e instanceof JsonProcessingException jpe && jpe.getOriginalMessage() != null
        && jpe.getOriginalMessage().startsWith("Unexpected character ('")) {
      String c = jpe.getOriginalMessage().substring("Unexpected character ('".length()).substring(0, 1);
      return "invalid character '" + c + "' looking for beginning of value";
    }
    return "unexpected end of JSON input";
  }

  private static byte[] decode(String base64) {
    if (base64 == null) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return base64.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> emptyToNull(Map<String, String> m) {
    return m == null || m.isEmpty() ? null : m;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
