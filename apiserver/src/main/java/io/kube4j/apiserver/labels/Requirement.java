package io.kube4j.apiserver.labels;

import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.api.StatusException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One condition of a label selector: a key, an {@link Operator} and the values it compares with,
 * e.g. {@code env in (prod,staging)}. Mirrors {@code labels.Requirement}; {@link #of} checks what
 * {@code labels.NewRequirement} checks and fails with its words.
 */
public final class Requirement {

  private static final Pattern GO_INT64 = Pattern.compile("[+-]?[0-9]+");

  private final String key;
  private final Operator operator;
  private final List<String> values;

  private Requirement(String key, Operator operator, List<String> values) {
    this.key = key;
    this.operator = operator;
    this.values = values;
  }

  /**
   * A checked requirement: the key must be a qualified name, the values valid label values, and their
   * count fit the operator (one for {@code =}, {@code ==}, {@code !=}, {@code gt}, {@code lt}; at
   * least one for {@code in}, {@code notin}; none for {@code exists}, {@code !}).
   *
   * @throws StatusException BadRequest with every failure, e.g.
   *     {@code values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty}
   */
  public static Requirement of(String key, Operator operator, Collection<String> values) {
    List<String> vals = List.copyOf(values);
    Optional<String> problem = problems(key, operator, vals);
    if (problem.isPresent()) {
      throw StatusException.badRequest(problem.get());
    }
    return new Requirement(key, operator, vals);
  }

  /** A requirement whose key and values the caller has already checked ({@code SelectorFromValidatedSet}). */
  static Requirement unchecked(String key, Operator operator, List<String> values) {
    return new Requirement(key, operator, List.copyOf(values));
  }

  /**
   * Everything {@code NewRequirement} objects to, in its order and aggregated as its error list prints:
   * one message alone, several as {@code [a, b]}. Paths are relative ({@code key}, {@code values[0]}),
   * as upstream's with no path option.
   */
  static Optional<String> problems(String key, Operator operator, List<String> vals) {
    List<String> errs = new ArrayList<>();
    List<String> keyErrs = LabelSyntax.isQualifiedName(key);
    if (!keyErrs.isEmpty()) {
      errs.add(FieldError.invalid("key", key, String.join("; ", keyErrs)).message());
    }
    GoStringSlice badValues = new GoStringSlice(vals);
    switch (operator) {
      case IN, NOT_IN -> {
        if (vals.isEmpty()) {
          errs.add(FieldError.invalid("values", badValues,
              "for 'in', 'notin' operators, values set can't be empty").message());
        }
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
        if (vals.size() != 1) {
          errs.add(FieldError.invalid("values", badValues,
              "exact-match compatibility requires one single value").message());
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!vals.isEmpty()) {
          errs.add(FieldError.invalid("values", badValues,
              "values set must be empty for exists and does not exist").message());
        }
      }
      case GREATER_THAN, LESS_THAN -> {
        if (vals.size() != 1) {
          errs.add(FieldError.invalid("values", badValues,
              "for 'Gt', 'Lt' operators, exactly one value is required").message());
        }
        for (int i = 0; i < vals.size(); i++) {
          if (parseInt64(vals.get(i)).isEmpty()) {
            errs.add(FieldError.invalid("values[" + i + "]", vals.get(i),
                "for 'Gt', 'Lt' operators, the value must be an integer").message());
          }
        }
      }
    }
    for (int i = 0; i < vals.size(); i++) {
      List<String> valueErrs = LabelSyntax.isValidLabelValue(vals.get(i));
      if (!valueErrs.isEmpty()) {
        errs.add(FieldError.invalid("values[" + i + "][" + key + "]", vals.get(i),
            String.join("; ", valueErrs)).message());
      }
    }
    return aggregate(errs);
  }

  /** {@code utilerrors.Aggregate}'s text: duplicates dropped, one message bare, more bracketed. */
  private static Optional<String> aggregate(List<String> errs) {
    Set<String> unique = new LinkedHashSet<>(errs);
    return switch (unique.size()) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(unique.iterator().next());
      default -> Optional.of("[" + String.join(", ", unique) + "]");
    };
  }

  public String key() {
    return key;
  }

  public Operator operator() {
    return operator;
  }

  /** The values in the order given; the parser hands them over sorted and without duplicates. */
  public List<String> values() {
    return values;
  }

  /**
   * Whether {@code labels} satisfy this requirement. A missing key satisfies only {@code notin},
   * {@code !=} and {@code !}; {@code gt}/{@code lt} need the label to be a base-10 integer.
   */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> ls = labels == null ? Map.of() : labels;
    String value = ls.get(key);
    boolean has = value != null || ls.containsKey(key);
    return switch (operator) {
      case IN, EQUALS, DOUBLE_EQUALS -> has && values.contains(value);
      case NOT_IN, NOT_EQUALS -> !has || !values.contains(value);
      case EXISTS -> has;
      case DOES_NOT_EXIST -> !has;
      case GREATER_THAN, LESS_THAN -> has && compareAsIntegers(value);
    };
  }

  private boolean compareAsIntegers(String labelValue) {
    Optional<Long> actual = parseInt64(labelValue);
    if (actual.isEmpty() || values.size() != 1) {
      return false;
    }
    Optional<Long> bound = parseInt64(values.get(0));
    if (bound.isEmpty()) {
      return false;
    }
    return operator == Operator.GREATER_THAN ? actual.get() > bound.get() : actual.get() < bound.get();
  }

  /** {@code strconv.ParseInt(s, 10, 64)}: ASCII digits with an optional sign, within int64. */
  private static Optional<Long> parseInt64(String s) {
    if (s == null || !GO_INT64.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException overflow) {
      return Optional.empty();
    }
  }

  /**
   * The selector syntax for this requirement: {@code !key}, {@code key}, {@code key=v},
   * {@code key in (a,b)}; several values are printed sorted, whatever order they were given in.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (operator == Operator.DOES_NOT_EXIST) {
      s.append('!');
    }
    s.append(key);
    switch (operator) {
      case EQUALS -> s.append('=');
      case DOUBLE_EQUALS -> s.append("==");
      case NOT_EQUALS -> s.append("!=");
      case IN -> s.append(" in ");
      case NOT_IN -> s.append(" notin ");
      case GREATER_THAN -> s.append('>');
      case LESS_THAN -> s.append('<');
      case EXISTS, DOES_NOT_EXIST -> {
        return s.toString();
      }
    }
    boolean set = operator == Operator.IN || operator == Operator.NOT_IN;
    if (set) {
      s.append('(');
    }
    s.append(values.size() == 1 ? values.get(0) : values.stream().sorted().collect(Collectors.joining(",")));
    if (set) {
      s.append(')');
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Requirement r && key.equals(r.key) && operator == r.operator && values.equals(r.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, operator, values);
  }

  /** Prints a bad value list as Go's {@code %#v} does, since upstream's messages embed it that way. */
  private record GoStringSlice(List<String> values) {
    @Override
    public String toString() {
      if (values.isEmpty()) {
        return "[]string(nil)";
      }
      return values.stream()
          .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
          .collect(Collectors.joining(", ", "[]string{", "}"));
    }
  }
}
