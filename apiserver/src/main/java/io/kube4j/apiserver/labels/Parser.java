package io.kube4j.apiserver.labels;

import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.labels.Lexer.Item;
import io.kube4j.apiserver.labels.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Recursive descent over the lexer's tokens, following upstream's {@code labels.Parser} step by step so
 * that the same input fails at the same token with the same words:
 *
 * <pre>
 *   selector    ::= requirement | requirement "," selector
 *   requirement ::= [!] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 * </pre>
 *
 * Errors are thrown as BadRequest with upstream's text, which the apiserver returns as is for
 * {@code ?labelSelector=}.
 */
final class Parser {

  /** Upstream prints {@code strings.Join(binaryOperators, ", ")} when it wants an operator. */
  private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

  /** Where values are expected, {@code in} and {@code notin} are plain words: {@code x in (in)}. */
  private enum Context { KEY_AND_OPERATOR, VALUES }

  private final List<Item> items = new ArrayList<>();
  private int position;

  private Parser(String selector) {
    Lexer lexer = new Lexer(selector);
    Item item;
    do {
      item = lexer.lex();
      items.add(item);
    } while (item.token() != Token.END_OF_STRING);
  }

  /** The requirements in input order; the caller sorts them by key. */
  static List<Requirement> parse(String selector) {
    return new Parser(selector).parse();
  }

  private List<Requirement> parse() {
    List<Requirement> requirements = new ArrayList<>();
    while (true) {
      Item next = lookahead(Context.VALUES);
      switch (next.token()) {
        case IDENTIFIER, DOES_NOT_EXIST -> {
          requirements.add(parseRequirement());
          Item after = consume(Context.VALUES);
          switch (after.token()) {
            case END_OF_STRING -> {
              return requirements;
            }
            case COMMA -> {
              Item t2 = lookahead(Context.VALUES);
              if (t2.token() != Token.IDENTIFIER && t2.token() != Token.DOES_NOT_EXIST) {
                throw fail("found '" + t2.literal() + "', expected: identifier after ','");
              }
            }
            default -> throw fail("found '" + after.literal() + "', expected: ',' or 'end of string'");
          }
        }
        case END_OF_STRING -> {
          return requirements;
        }
        default -> throw fail("found '" + next.literal() + "', expected: !, identifier, or 'end of string'");
      }
    }
  }

  /** Failures inside one requirement carry upstream's {@code unable to parse requirement: } prefix. */
  private Requirement parseRequirement() {
    KeyAndOperator ko = parseKeyAndInferOperator();
    List<String> values;
    Operator operator = ko.operator();
    if (operator == Operator.EXISTS || operator == Operator.DOES_NOT_EXIST) {
      values = List.of();
    } else {
      operator = parseOperator();
      values = switch (operator) {
        case IN, NOT_IN -> parseValues();
        default -> parseExactValue();
      };
    }
    Optional<String> problem = Requirement.problems(ko.key(), operator, values);
    if (problem.isPresent()) {
      throw requirementFailure(problem.get());
    }
    return Requirement.unchecked(ko.key(), operator, values);
  }

  private record KeyAndOperator(String key, Operator operator) {
  }

  /** {@code !key} is DoesNotExist, a bare {@code key} before {@code ,} or the end is Exists. */
  private KeyAndOperator parseKeyAndInferOperator() {
    Operator operator = null;
    Item item = consume(Context.VALUES);
    if (item.token() == Token.DOES_NOT_EXIST) {
      operator = Operator.DOES_NOT_EXIST;
      item = consume(Context.VALUES);
    }
    if (item.token() != Token.IDENTIFIER) {
      throw requirementFailure("found '" + item.literal() + "', expected: identifier");
    }
    String key = item.literal();
    List<String> keyErrs = LabelSyntax.isQualifiedName(key);
    if (!keyErrs.isEmpty()) {
      // upstream validates here with the parser's path, which is nil and prints as "<nil>"
      throw requirementFailure(FieldError.invalid("<nil>", key, String.join("; ", keyErrs)).message());
    }
    Token next = lookahead(Context.VALUES).token();
    if ((next == Token.END_OF_STRING || next == Token.COMMA) && operator != Operator.DOES_NOT_EXIST) {
      operator = Operator.EXISTS;
    }
    return new KeyAndOperator(key, operator);
  }

  private Operator parseOperator() {
    Item item = consume(Context.KEY_AND_OPERATOR);
    return switch (item.token()) {
      case IN -> Operator.IN;
      case EQUALS -> Operator.EQUALS;
      case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
      case GREATER_THAN -> Operator.GREATER_THAN;
      case LESS_THAN -> Operator.LESS_THAN;
      case NOT_IN -> Operator.NOT_IN;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      default -> throw requirementFailure("found '" + item.literal() + "', expected: " + BINARY_OPERATORS);
    };
  }

  /** {@code (a,b)}; {@code ()} means the one empty value. Returned sorted without duplicates, as a set. */
  private List<String> parseValues() {
    Item open = consume(Context.VALUES);
    if (open.token() != Token.OPEN_PAR) {
      throw requirementFailure("found '" + open.literal() + "' expected: '('");
    }
    Item first = lookahead(Context.VALUES);
    switch (first.token()) {
      case IDENTIFIER, COMMA -> {
        TreeSet<String> values = parseIdentifiersList();
        if (consume(Context.VALUES).token() != Token.CLOSED_PAR) {
          // upstream reports the token that opened the list, not the one found
          throw requirementFailure("found '" + first.literal() + "', expected: ')'");
        }
        return List.copyOf(values);
      }
      case CLOSED_PAR -> {
        consume(Context.VALUES);
        return List.of("");
      }
      default -> throw requirementFailure("found '" + first.literal() + "', expected: ',', ')' or identifier");
    }
  }

  /**
   * Comma separated, possibly empty values: {@code (,a)} and {@code (a,)} include the empty value. Two
   * commas in a row are skipped as one, so {@code (a,,)} fails at the {@code )}; that is v1.32's
   * behaviour (fixed upstream after v1.34), kept so that kube4j answers as the servers kubectl meets.
   */
  private TreeSet<String> parseIdentifiersList() {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      Item item = consume(Context.VALUES);
      switch (item.token()) {
        case IDENTIFIER -> {
          values.add(item.literal());
          Item next = lookahead(Context.VALUES);
          switch (next.token()) {
            case COMMA -> {
              continue;
            }
            case CLOSED_PAR -> {
              return values;
            }
            default -> throw requirementFailure("found '" + next.literal() + "', expected: ',' or ')'");
          }
        }
        case COMMA -> {
          if (values.isEmpty()) {
            values.add("");
          }
          Token next = lookahead(Context.VALUES).token();
          if (next == Token.CLOSED_PAR) {
            values.add("");
            return values;
          }
          if (next == Token.COMMA) {
            consume(Context.VALUES);
            values.add("");
          }
        }
        default -> throw requirementFailure("found '" + item.literal() + "', expected: ',', or identifier");
      }
    }
  }

  /** The one value after {@code =}, {@code ==}, {@code !=}, {@code >}, {@code <}; nothing means "". */
  private List<String> parseExactValue() {
    Token next = lookahead(Context.VALUES).token();
    if (next == Token.END_OF_STRING || next == Token.COMMA) {
      return List.of("");
    }
    Item item = consume(Context.VALUES);
    if (item.token() == Token.IDENTIFIER) {
      return List.of(item.literal());
    }
    throw requirementFailure("found '" + item.literal() + "', expected: identifier");
  }

  private Item lookahead(Context context) {
    return inContext(items.get(position), context);
  }

  private Item consume(Context context) {
    position++;
    return inContext(items.get(position - 1), context);
  }

  private static Item inContext(Item item, Context context) {
    if (context == Context.VALUES && (item.token() == Token.IN || item.token() == Token.NOT_IN)) {
      return new Item(Token.IDENTIFIER, item.literal());
    }
    return item;
  }

  private static StatusException requirementFailure(String why) {
    return fail("unable to parse requirement: " + why);
  }

  private static StatusException fail(String message) {
    return StatusException.badRequest(message);
  }
}
