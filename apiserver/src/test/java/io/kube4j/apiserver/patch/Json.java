package io.kube4j.apiserver.patch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test JSON written with single quotes, so tables of cases stay readable. */
final class Json {

  private static final ObjectMapper LENIENT = new ObjectMapper().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);

  private Json() {}

  static JsonNode tree(String singleQuoted) {
    try {
      return LENIENT.readTree(singleQuoted);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as a client sends it: real JSON. */
  static byte[] body(String singleQuoted) {
    return tree(singleQuoted).toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A body sent verbatim, for malformed ones. */
  static byte[] raw(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
