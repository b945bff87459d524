package io.kube4j.apiserver.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Stamps {@code metadata.resourceVersion} into an object's stored JSON without decoding and
 * re-encoding it. Stored objects never carry a resourceVersion (it is the etcd revision of the key,
 * known only when read), so every read would otherwise pay a full encode to add one field.
 */
public final class ResourceVersionSplice {

  private static final JsonFactory JSON = new JsonFactory();

  private ResourceVersionSplice() {}

  /**
   * {@code {"kind":..,"metadata":{"name":..}}} → {@code {"kind":..,"metadata":{"resourceVersion":"7","name":..}}}.
   * The stored JSON must not contain a resourceVersion already; the result is the same object with
   * one more field (JSON field order carries no meaning).
   */
  public static byte[] stamp(byte[] stored, long resourceVersion) {
    int at = metadataStart(stored);
    if (at < 0) {
      throw new IllegalArgumentException("stored object has no metadata");
    }
    boolean empty = stored[at + 1] == '}';
    byte[] field = ("\"resourceVersion\":\"" + resourceVersion + "\"" + (empty ? "" : ","))
        .getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[stored.length + field.length];
    System.arraycopy(stored, 0, out, 0, at + 1);
    System.arraycopy(field, 0, out, at + 1, field.length);
    System.arraycopy(stored, at + 1, out, at + 1 + field.length, stored.length - at - 1);
    return out;
  }

  /**
   * As {@link #stamp}, or empty when the stored JSON already names a resourceVersion (written by
   * something other than this apiserver) and must be decoded and re-encoded instead.
   */
  public static java.util.Optional<byte[]> stampIfAbsent(byte[] stored, long resourceVersion) {
    int at = metadataStart(stored);
    if (at < 0 || hasResourceVersion(stored, at)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(stamp(stored, resourceVersion));
  }

  /** Whether the metadata object opening at {@code at} has a resourceVersion field. */
  private static boolean hasResourceVersion(byte[] json, int at) {
    try (JsonParser p = JSON.createParser(json, at, json.length - at)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        if (p.currentName().equals("resourceVersion")) {
          return true;
        }
        p.nextToken();
        p.skipChildren();
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Byte offset of the {@code {} that opens the top-level {@code metadata} object, or -1. */
  private static int metadataStart(byte[] json) {
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return -1;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("metadata") && value == JsonToken.START_OBJECT) {
          return (int) p.currentTokenLocation().getByteOffset();
        }
        p.skipChildren();
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
