package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kube4j.apiserver.api.StatusException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The metadata the server owns ({@code rest.BeforeCreate}/{@code BeforeUpdate} and
 * {@code names.SimpleNameGenerator} upstream): generated names, timestamps, resource versions.
 */
public final class SystemMetadata {

  /** Characters of generated name suffixes: no vowels, no look-alikes (upstream's {@code utilrand}). */
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private SystemMetadata() {}

  /** Fields a client cannot change through an update ({@code rest.BeforeUpdate}). */
  static void keepSystemMetadata(ObjectMeta meta, ObjectMeta old) {
    if (meta.getUid() == null || meta.getUid().isEmpty()) {
      meta.setUid(old.getUid());
    }
    meta.setCreationTimestamp(old.getCreationTimestamp());
    meta.setDeletionTimestamp(old.getDeletionTimestamp());
    meta.setDeletionGracePeriodSeconds(old.getDeletionGracePeriodSeconds());
    meta.setGeneration(old.getGeneration());
    meta.setGenerateName(meta.getGenerateName() == null ? old.getGenerateName() : meta.getGenerateName());
  }

  static String generateName(String base) {
    // upstream: at most 58 characters of the base, then 5 random characters
    String prefix = base.length() > 58 ? base.substring(0, 58) : base;
    StringBuilder s = new StringBuilder(prefix);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 5; i++) {
      s.append(NAME_ALPHABET.charAt(r.nextInt(NAME_ALPHABET.length())));
    }
    return s.toString();
  }

  /** RFC 3339 with second precision, as {@code metav1.Time} marshals. */
  public static String timestamp(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A resourceVersion query parameter: empty or a non-negative integer, else 400. */
  public static long parseResourceVersion(String rv) {
    if (rv == null || rv.isEmpty()) {
      return 0;
    }
    try {
      long v = Long.parseLong(rv);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw StatusException.badRequest("invalid resource version: " + rv);
    }
  }
}
