package io.kube4j.agent.kuberuntime;

import java.util.Map;
import java.util.function.Function;

/**
 * {@code $(VAR)} references in env values, command and args, after kubernetes'
 * {@code third_party/forked/golang/expansion}. A defined variable is replaced by its value; an
 * undefined one is left as written; {@code $$} is an escaped {@code $}, so {@code $$(VAR)} gives the
 * literal {@code $(VAR)}. Examples with A=x: {@code "$(A)-$(B)"} → {@code "x-$(B)"};
 * {@code "$$(A)"} → {@code "$(A)"}; {@code "$(A"} → {@code "$(A"}; {@code "$A"} → {@code "$A"}.
 */
public final class Expansion {

  private Expansion() {}

  /** A mapping that looks the name up in each map in turn and leaves unknown references as written. */
  @SafeVarargs
  public static Function<String, String> mappingFor(Map<String, String>... contexts) {
    return name -> {
      for (Map<String, String> vars : contexts) {
        String value = vars.get(name);
        if (value != null) {
          return value;
        }
      }
      return "$(" + name + ")";
    };
  }

  public static String expand(String input, Function<String, String> mapping) {
    StringBuilder out = new StringBuilder();
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) == '$' && cursor + 1 < input.length()) {
        out.append(input, checkpoint, cursor);
        char next = input.charAt(cursor + 1);
        int advance = 1;
        if (next == '$') {
          out.append('$');
        } else if (next == '(') {
          int close = input.indexOf(')', cursor + 2);
          if (close < 0) {
            out.append("$(");             // incomplete reference: kept as written
          } else {
            out.append(mapping.apply(input.substring(cursor + 2, close)));
            advance = close - cursor;
          }
        } else {
          out.append('$').append(next);   // a $ that starts no reference
        }
        cursor += advance;
        checkpoint = cursor + 1;
      }
    }
    return out.append(input, checkpoint, input.length()).toString();
  }
}
