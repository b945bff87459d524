package io.kube4j.controllermanager.deployment.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kube4j.controllermanager.controller.DeepCopy;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code pod-template-hash} label that tells a Deployment's ReplicaSets (and their pods) apart
 * ({@code controller.ComputeHash}): FNV-1a 32-bit over the pod template, then over the Deployment's
 * {@code status.collisionCount} when it has one (as 8 little-endian bytes, the upper 4 zero), the
 * decimal of the sum encoded with {@link #safeEncodeString}. The ReplicaSet is named
 * {@code <deployment>-<hash>}, e.g. {@code web-7d4b9c8f5}.
 *
 * <p>Upstream hashes the template as go-spew prints its Go structs; here the template's canonical
 * JSON (map keys sorted) is hashed instead, so a template gives another hash than in Kubernetes,
 * of the same form. Nothing compares hashes across implementations: the controller finds a
 * Deployment's new ReplicaSet by comparing templates ({@link #equalIgnoreHash}), never by hash.
 */
public final class PodTemplateHash {

  /** {@code DefaultDeploymentUniqueLabelKey}. */
  public static final String LABEL = "pod-template-hash";

  /** {@code rand.SafeEncodeString}'s alphabet: no vowels (no words), no 0/1/3 (no look-alikes). */
  static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private static final int FNV32_OFFSET = 0x811c9dc5;
  private static final int FNV32_PRIME = 0x01000193;
  private static final ObjectMapper CANONICAL = Serialization.jsonMapper().copy()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private PodTemplateHash() {}

  /** {@code ComputeHash}. */
  public static String computeHash(PodTemplateSpec template, Integer collisionCount) {
    int hash = fnv32a(FNV32_OFFSET, canonical(template));
    if (collisionCount != null) {
      byte[] count = new byte[8];
      int c = collisionCount;
      for (int i = 0; i < 4; i++) {
        count[i] = (byte) (c >>> (8 * i));
      }
      hash = fnv32a(hash, count);
    }
    return safeEncodeString(Integer.toUnsignedString(hash));
  }

  /** FNV-1a, 32 bits, continuing from {@code hash}: for each byte, xor then multiply by the prime. */
  static int fnv32a(int hash, byte[] data) {
    int h = hash;
    for (byte b : data) {
      h ^= b & 0xff;
      h *= FNV32_PRIME;
    }
    return h;
  }

  static int fnv32a(byte[] data) {
    return fnv32a(FNV32_OFFSET, data);
  }

  /**
   * {@code SafeEncodeString}: each byte of {@code s} replaced by {@code ALPHANUMS[byte % 27]}. Worked
   * example: "1" is byte 49, 49 % 27 = 22, ALPHANUMS[22] = '5'.
   */
  public static String safeEncodeString(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      out.append(ALPHANUMS.charAt((b & 0xff) % ALPHANUMS.length()));
    }
    return out.toString();
  }

  /**
   * {@code EqualIgnoreHash}: the templates are equal once the {@code pod-template-hash} label is taken
   * out of both (a Deployment's template has none; its ReplicaSets' have one).
   */
  public static boolean equalIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) {
    return Objects.equals(withoutHash(a), withoutHash(b));
  }

  private static PodTemplateSpec withoutHash(PodTemplateSpec t) {
    if (t == null) {
      return null;
    }
    PodTemplateSpec copy = DeepCopy.of(t);
    if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
      copy.getMetadata().getLabels().remove(LABEL);
      if (copy.getMetadata().getLabels().isEmpty()) {
        copy.getMetadata().setLabels(null);
      }
    }
    return copy;
  }

  private static byte[] canonical(PodTemplateSpec template) {
    try {
      return CANONICAL.writeValueAsBytes(template);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a pod template", e);
    }
  }
}
