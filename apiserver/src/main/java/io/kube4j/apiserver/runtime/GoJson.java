package io.kube4j.apiserver.runtime;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies (objects and patches) and words decoding failures as Go's {@code encoding/json}
 * does, because the apiserver puts those words in the 400 it answers (e.g. {@code unexpected end of
 * JSON input}, {@code json: cannot unmarshal array into Go value of type map[string]interface {}}).
 */
public final class GoJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\('(.+?)' \\(code");
  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '(.)");

  private GoJson() {}

  /** A body that is not JSON; the message is Go's. */
  public static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  public static JsonNode parse(byte[] body) throws SyntaxError {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonEOFException e) {
      throw new SyntaxError("unexpected end of JSON input");
    } catch (JsonProcessingException e) {
      throw new SyntaxError(describe(e));
    } catch (IOException e) {
      throw new SyntaxError(e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new SyntaxError("unexpected end of JSON input");
    }
    return node;
  }

  /** {@code json: cannot unmarshal array into Go value of type <goType>}. */
  public static String cannotUnmarshal(JsonNode value, String goType) {
    return "json: cannot unmarshal " + valueWord(value) + " into Go value of type " + goType;
  }

  /** {@code json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string}. */
  public static String cannotUnmarshalField(JsonNode value, String structField, String goType) {
    return "json: cannot unmarshal " + valueWord(value) + " into Go struct field " + structField + " of type "
        + goType;
  }

  /** How {@code encoding/json} names a JSON value in type errors. */
  private static String valueWord(JsonNode value) {
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "bool";
    }
    return value.isNumber() ? "number" : "null";
  }

  /**
   * Go's wording of the common syntax errors ({@code invalid character 'x' looking for beginning of
   * value}); anything rarer keeps Jackson's first line.
   */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e instanceof JsonParseException) {
      Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
      if (token.find()) {
        return "invalid character '" + token.group(1) + "' looking for beginning of value";
      }
      Matcher character = UNEXPECTED_CHARACTER.matcher(message);
      if (character.find()) {
        String c = "invalid character '" + character.group(1) + "' ";
        if (message.contains("expected a valid value") || message.contains("expected a value")) {
          return c + "looking for beginning of value";
        }
        if (message.contains("double-quote to start field name")) {
          return c + "looking for beginning of object key string";
        }
        if (message.contains("colon to separate field name and value")) {
          return c + "after object key";
        }
        if (message.contains("comma to separate Object entries")) {
          return c + "after object key:value pair";
        }
        if (message.contains("comma to separate Array entries")) {
          return c + "after array element";
        }
        if (message.contains("end-of-input")) {
          return c + "after top-level value";
        }
      }
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
