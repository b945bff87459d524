package io.kube4j.apiserver.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.api.StatusException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON and YAML for API objects. One instance per apiserver, shared by every layer (the mappers are
 * thread safe once configured). Encoding omits nulls, as Go's {@code omitempty} does for the fields
 * that matter; decoding keeps unknown fields (the Fabric8 models collect them) so strict field
 * validation can report them instead of losing them.
 */
public final class Codec {

  private final ObjectMapper json;
  private final ObjectMapper yaml;

  public Codec() {
    this.json = JsonMapper.builder()
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // generated accessors instead of reflection for the model's getters and setters
        .addModule(new BlackbirdModule())
        // MicroTime fields the model types as ZonedDateTime (a Lease's acquireTime, renewTime), written
        // with the model's own pattern (RFC 3339 with microseconds), as Go's metav1.MicroTime is
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
    this.yaml = YAMLMapper.builder(new YAMLFactory())
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addModule(new BlackbirdModule())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  public ObjectMapper json() {
    return json;
  }

  /** The YAML mapper: reads YAML request bodies, writes YAML responses. */
  public ObjectMapper yaml() {
    return yaml;
  }

  /** Parses a request body as JSON; a syntax error is a 400 with the parser's words. */
  public JsonNode parseJson(byte[] body) {
    try {
      // a body is one JSON value: "{}{}" is refused here. Binding must not check this: the model's
      // Quantity reads a nested tree, which would count the rest of the object as trailing tokens.
      JsonNode n = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
      if (n == null || n.isMissingNode()) {
        throw StatusException.badRequest("the request body is empty");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw StatusException.badRequest("error decoding JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Binds a JSON tree to a model class; a type mismatch is a 400 as upstream's decoder reports it. */
  public <T> T bind(JsonNode tree, Class<T> type) {
    try {
      return json.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw StatusException.badRequest(HasMetadata.getKind(type) + " in version \""
          + HasMetadata.getVersion(type) + "\" cannot be handled as a " + HasMetadata.getKind(type)
          + ": " + e.getOriginalMessage());
    }
  }

  public <T> T decode(byte[] stored, Class<T> type) {
    try {
      return json.readValue(stored, type);
    } catch (IOException e) {
      throw new UncheckedIOException("stored object does not decode as " + type.getSimpleName(), e);
    }
  }

  /** Parses bytes this server produced (cached or stored objects); a failure is a bug, not bad input. */
  public JsonNode tree(byte[] trusted) {
    try {
      return json.readTree(trusted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode toTree(Object value) {
    return json.valueToTree(value);
  }

  public byte[] encode(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] encodeYaml(Object value) {
    try {
      return yaml.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A deep copy, for objects read from the cache that a request is about to change. */
  @SuppressWarnings("unchecked")
  public <T> T copy(T value) {
    return (T) decode(encode(value), value.getClass());
  }
}
