package io.kube4j.apiserver.fields;

import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.fields.Requirement.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A field selector ({@code fields.Selector}): the AND of {@code field=value} / {@code field!=value}
 * terms, matched against the selectable fields of one object (a map such as
 * {@code metadata.name -> p1, spec.nodeName -> node1, status.phase -> Running}). Immutable.
 *
 * <p>Unlike label selectors there is no lexer: terms are split at unescaped commas, each term at its
 * first {@code !=}, {@code ==} or {@code =}, and blanks are part of names and values. In values,
 * {@code \,}, {@code \=} and {@code \\} stand for the literal characters.
 *
 * <pre>{@code
 * FieldSelector s = FieldSelector.parse("spec.nodeName=node1,status.phase!=Succeeded,status.phase!=Failed");
 * s.matches(Map.of("spec.nodeName", "node1", "status.phase", "Running"));   // true
 * }</pre>
 */
public final class FieldSelector {

  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private final List<Requirement> terms;

  private FieldSelector(List<Requirement> terms) {
    this.terms = terms;
  }

  /** Matches every object; what an empty {@code ?fieldSelector=} means. */
  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /** {@code field=value}, e.g. the {@code metadata.name} term a watch on one object implies. */
  public static FieldSelector oneTermEqual(String field, String value) {
    return new FieldSelector(List.of(new Requirement(field, Operator.EQUALS, value)));
  }

  /** {@code field=value} for every entry ({@code SelectorFromSet}), in field order; null selects everything. */
  public static FieldSelector fromSet(Map<String, String> fields) {
    if (fields == null) {
      return EVERYTHING;
    }
    List<Requirement> terms = new ArrayList<>();
    new TreeMap<>(fields).forEach((f, v) -> terms.add(new Requirement(f, Operator.EQUALS, v)));
    return new FieldSelector(List.copyOf(terms));
  }

  /** All terms of all {@code selectors} ({@code AndSelectors}). */
  public static FieldSelector and(FieldSelector... selectors) {
    List<Requirement> all = new ArrayList<>();
    for (FieldSelector s : selectors) {
      all.addAll(s.terms);
    }
    return new FieldSelector(List.copyOf(all));
  }

  /**
   * Parses {@code ?fieldSelector=} ({@code fields.ParseSelector}). Terms are sorted as strings before
   * parsing, so the first bad term in that order is the one reported; empty terms are skipped.
   *
   * @throws StatusException BadRequest with upstream's message: {@code invalid selector: 'x'; can't
   *     understand 'x'}, {@code invalid field selector: invalid escape sequence: \a}, or
   *     {@code invalid field selector: unescaped character in value: 61} (Go prints the rune's number)
   */
  public static FieldSelector parse(String selector) {
    List<String> parts = splitTerms(selector);
    parts.sort(FieldSelector::compareCodePoints);
    List<Requirement> terms = new ArrayList<>();
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      Requirement term = splitTerm(part).orElseThrow(() -> StatusException.badRequest(
          "invalid selector: '" + selector + "'; can't understand '" + part + "'"));
      terms.add(new Requirement(term.field(), term.operator(), unescapeValue(term.value())));
    }
    return new FieldSelector(List.copyOf(terms));
  }

  /**
   * Splits at commas not preceded by an escaping backslash; the backslashes stay in the terms. The
   * empty string has no terms; {@code "a=a,"} has two, the second empty.
   */
  private static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    if (selector.isEmpty()) {
      return terms;
    }
    int start = 0;
    boolean inSlash = false;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (inSlash) {
        inSlash = false;
      } else if (c == '\\') {
        inSlash = true;
      } else if (c == ',') {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }

  /**
   * The first operator from the left wins, {@code !=} and {@code ==} before {@code =} at the same
   * position; field names cannot be escaped. The value is returned still escaped.
   */
  private static Optional<Requirement> splitTerm(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (term.startsWith("!=", i)) {
        return Optional.of(new Requirement(term.substring(0, i), Operator.NOT_EQUALS, term.substring(i + 2)));
      }
      if (term.startsWith("==", i)) {
        return Optional.of(new Requirement(term.substring(0, i), Operator.EQUALS, term.substring(i + 2)));
      }
      if (term.startsWith("=", i)) {
        return Optional.of(new Requirement(term.substring(0, i), Operator.EQUALS, term.substring(i + 1)));
      }
    }
    return Optional.empty();
  }

  /** Escapes {@code \}, {@code ,} and {@code =} with a backslash ({@code fields.EscapeValue}). */
  public static String escapeValue(String value) {
    StringBuilder s = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == ',' || c == '=') {
        s.append('\\');
      }
      s.append(c);
    }
    return s.toString();
  }

  /**
   * The literal value of an escaped one ({@code fields.UnescapeValue}): {@code \\ \, \=} are the only
   * escapes, and a bare {@code ,} or {@code =} is an error.
   *
   * @throws StatusException BadRequest on a bad escape or an unescaped {@code ,} or {@code =}
   */
  public static String unescapeValue(String value) {
    if (value.indexOf('\\') < 0 && value.indexOf(',') < 0 && value.indexOf('=') < 0) {
      return value;
    }
    StringBuilder v = new StringBuilder(value.length());
    boolean inSlash = false;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (inSlash) {
        if (c != '\\' && c != ',' && c != '=') {
          throw StatusException.badRequest(
              "invalid field selector: invalid escape sequence: \\" + new String(Character.toChars(c)));
        }
        v.appendCodePoint(c);
        inSlash = false;
      } else if (c == '\\') {
        inSlash = true;
      } else if (c == ',' || c == '=') {
        throw StatusException.badRequest("invalid field selector: unescaped character in value: " + c);
      } else {
        v.appendCodePoint(c);
      }
    }
    if (inSlash) {
      throw StatusException.badRequest("invalid field selector: invalid escape sequence: \\");
    }
    return v.toString();
  }

  /**
   * Checks and renames every field through the kind's conversion, as the apiserver does before a list
   * or watch ({@code Selector.Transform} with {@code ConvertFieldLabel}). A term whose field and
   * value both come out empty is dropped, as upstream.
   *
   * @throws StatusException BadRequest from the conversion, e.g. {@code field label not supported: spec.foo}
   */
  public FieldSelector transform(FieldLabelConversion conversion) {
    List<Requirement> next = new ArrayList<>(terms.size());
    for (Requirement t : terms) {
      String field = conversion.convert(t.field());
      if (!field.isEmpty() || !t.value().isEmpty()) {
        next.add(new Requirement(field, t.operator(), t.value()));
      }
    }
    return new FieldSelector(List.copyOf(next));
  }

  /** Whether every term holds for the object's selectable {@code fields}; missing fields read as "". */
  public boolean matches(Map<String, String> fields) {
    for (Requirement t : terms) {
      if (!t.matches(fields)) {
        return false;
      }
    }
    return true;
  }

  /** True when the selector has no term and so restricts nothing. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The terms, in parse order (sorted as strings). */
  public List<Requirement> requirements() {
    return terms;
  }

  /**
   * The value {@code field} must equal, from the first {@code field=value} term on it; {@code !=} never
   * counts. The apiserver uses it for {@code metadata.name} (one-object watches) and indexes.
   */
  public Optional<String> requiresExactMatch(String field) {
    for (Requirement t : terms) {
      if (t.operator() == Operator.EQUALS && t.field().equals(field)) {
        return Optional.of(t.value());
      }
    }
    return Optional.empty();
  }

  /** The terms joined by commas, values escaped; {@code ""} for everything. Parses back to an equal selector. */
  @Override
  public String toString() {
    return terms.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSelector s && terms.equals(s.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  /** Go sorts strings by bytes, which for UTF-8 is code point order, not Java's UTF-16 unit order. */
  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  static String goQuote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
