package io.kube4j.controllermanager.history;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.kube4j.controllermanager.controller.ControllerRefs;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Naming, hashing, comparing and ordering ControllerRevisions ({@code controller_history.go}).
 */
public final class ControllerRevisions {

  /** {@code ControllerRevisionHashLabel}: the hash of a revision's data. */
  public static final String HASH_LABEL = "controller.kubernetes.io/hash";

  /** {@code rand.SafeEncodeString}'s alphabet: no vowels, no 0/1/3, so no words and no look-alikes. */
  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private ControllerRevisions() {}

  /** {@code ControllerRevisionName}: {@code prefix-hash}, the prefix cut to 223 bytes so the name fits in 253. */
  public static String name(String prefix, String hash) {
    return (prefix.length() > 223 ? prefix.substring(0, 223) : prefix) + "-" + hash;
  }

  /**
   * {@code HashControllerRevision}: 32-bit FNV-1 over the data's bytes, then over the decimal
   * collision count if there is one, printed in decimal and safe-encoded digit by digit: a sum of
   * 1234567890 becomes {@code "5678bcdf94"}.
   */
  public static String hash(String data, Integer probe) {
    int h = 0x811c9dc5;
    h = fnv1(h, data.getBytes(StandardCharsets.UTF_8));
    if (probe != null) {
      h = fnv1(h, Long.toString(probe).getBytes(StandardCharsets.UTF_8));
    }
    return safeEncode(Integer.toUnsignedString(h));
  }

  private static int fnv1(int h, byte[] bytes) {
    for (byte b : bytes) {
      h *= 16777619;
      h ^= (b & 0xff);
    }
    return h;
  }

  /** {@code rand.SafeEncodeString}: each character replaced by {@code alphanums[c % 27]}. */
  static String safeEncode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      out.append(ALPHANUMS.charAt(s.charAt(i) % ALPHANUMS.length()));
    }
    return out.toString();
  }

  /**
   * {@code NewControllerRevision}: owned by {@code parent}, labelled with the template's labels and
   * the hash, named {@code <parent>-<hash>}.
   */
  public static ControllerRevision newRevision(HasMetadata parent, String apiVersion, String kind,
      Map<String, String> templateLabels, String data, long revision, Integer collisionCount) {
    String hash = hash(data, collisionCount);
    Map<String, String> labels = templateLabels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(templateLabels);
    labels.put(HASH_LABEL, hash);
    return new ControllerRevisionBuilder().withNewMetadata().withName(name(parent.getMetadata().getName(), hash))
        .withNamespace(parent.getMetadata().getNamespace()).withLabels(labels)
        .withOwnerReferences(ControllerRefs.newControllerRef(parent, apiVersion, kind)).endMetadata()
        .withData(TemplatePatch.parse(data)).withRevision(revision).build();
  }

  /**
   * {@code EqualRevision}: both null, or the same hash label (when both have one) and the same data.
   */
  public static boolean equal(ControllerRevision a, ControllerRevision b) {
    if (a == null || b == null) {
      return a == b;
    }
    String ha = a.getMetadata().getLabels() == null ? null : a.getMetadata().getLabels().get(HASH_LABEL);
    String hb = b.getMetadata().getLabels() == null ? null : b.getMetadata().getLabels().get(HASH_LABEL);
    if (ha != null && hb != null && !ha.equals(hb)) {
      return false;
    }
    return Objects.equals(data(a), data(b));
  }

  /** {@code FindEqualRevisions}, in the order given. */
  public static List<ControllerRevision> findEqual(List<ControllerRevision> revisions, ControllerRevision needle) {
    return revisions.stream().filter(r -> equal(r, needle)).toList();
  }

  /** A revision's data as canonical JSON (keys sorted), the form hashes and comparisons use. */
  public static String data(ControllerRevision r) {
    return r.getData() == null ? "" : TemplatePatch.canonical(r.getData());
  }

  /** {@code byRevision}: by revision, then creation time, then name. */
  public static final Comparator<ControllerRevision> BY_REVISION = Comparator
      .comparingLong((ControllerRevision r) -> r.getRevision() == null ? 0 : r.getRevision())
      .thenComparing(r -> Objects.toString(r.getMetadata().getCreationTimestamp(), ""))
      .thenComparing(r -> r.getMetadata().getName());

  /** The highest revision number, 0 for none ({@code maxRevision}). */
  public static long maxRevision(List<ControllerRevision> revisions) {
    return revisions.stream().mapToLong(r -> r.getRevision() == null ? 0 : r.getRevision()).max().orElse(0);
  }
}
