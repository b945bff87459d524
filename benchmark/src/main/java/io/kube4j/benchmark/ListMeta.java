package io.kube4j.benchmark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the benchmark needs from a LIST response ({@code metadata.resourceVersion},
 * {@code metadata.continue}, the number of items), read with a streaming parser that skips over the
 * items instead of building them, so that paging through a list costs the client little.
 */
record ListMeta(String resourceVersion, String continueToken, int items) {

  private static final JsonFactory JSON = new JsonFactory();

  static ListMeta read(byte[] body) {
    String rv = "";
    String cont = "";
    int items = 0;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a list is a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
              case "resourceVersion" -> rv = p.getValueAsString("");
              case "continue" -> cont = p.getValueAsString("");
              default -> p.skipChildren();
            }
          }
        } else if (field.equals("items") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
            items++;
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ListMeta(rv, cont, items);
  }
}
