package io.kube4j.apiserver.labels;

import java.util.Map;

/**
 * Splits a label selector string into tokens, byte for byte as upstream's {@code labels.Lexer}: blanks
 * separate tokens, the operator characters {@code = ! ( ) , > <} form the longest token they can,
 * everything else runs up to the next blank or operator character. {@code in} and {@code notin} are
 * keywords here; the parser turns them back into identifiers where values are expected.
 */
final class Lexer {

  enum Token {
    ERROR, END_OF_STRING, CLOSED_PAR, COMMA, DOES_NOT_EXIST, DOUBLE_EQUALS, EQUALS, GREATER_THAN,
    IDENTIFIER, IN, LESS_THAN, NOT_EQUALS, NOT_IN, OPEN_PAR
  }

  record Item(Token token, String literal) {
  }

  private static final Map<String, Token> KEYWORDS = Map.ofEntries(
      Map.entry(")", Token.CLOSED_PAR),
      Map.entry(",", Token.COMMA),
      Map.entry("!", Token.DOES_NOT_EXIST),
      Map.entry("==", Token.DOUBLE_EQUALS),
      Map.entry("=", Token.EQUALS),
      Map.entry(">", Token.GREATER_THAN),
      Map.entry("in", Token.IN),
      Map.entry("<", Token.LESS_THAN),
      Map.entry("!=", Token.NOT_EQUALS),
      Map.entry("notin", Token.NOT_IN),
      Map.entry("(", Token.OPEN_PAR));

  /** Upstream's {@code read} answers 0 at the end; a NUL in the input therefore reads as the end too. */
  private static final char END = 0;

  private final String s;
  private int pos;

  Lexer(String s) {
    this.s = s;
  }

  Item lex() {
    char ch = skipWhiteSpaces(read());
    if (ch == END) {
      return new Item(Token.END_OF_STRING, "");
    }
    unread();
    return isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIdOrKeyword();
  }

  private char read() {
    char ch = END;
    if (pos < s.length()) {
      ch = s.charAt(pos);
      pos++;
    }
    return ch;
  }

  private void unread() {
    pos--;
  }

  private char skipWhiteSpaces(char ch) {
    while (isWhitespace(ch)) {
      ch = read();
    }
    return ch;
  }

  private Item scanIdOrKeyword() {
    StringBuilder buffer = new StringBuilder();
    while (true) {
      char ch = read();
      if (ch == END) {
        break;
      }
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        unread();
        break;
      }
      buffer.append(ch);
    }
    String word = buffer.toString();
    Token keyword = KEYWORDS.get(word);
    return keyword != null ? new Item(keyword, word) : new Item(Token.IDENTIFIER, word);
  }

  /** The longest operator at this position: {@code !=} rather than {@code !}, {@code ==} rather than {@code =}. */
  private Item scanSpecialSymbol() {
    Item last = null;
    StringBuilder buffer = new StringBuilder();
    while (true) {
      char ch = read();
      if (ch == END) {
        break;
      }
      if (!isSpecialSymbol(ch)) {
        unread();
        break;
      }
      buffer.append(ch);
      Token token = KEYWORDS.get(buffer.toString());
      if (token != null) {
        last = new Item(token, buffer.toString());
      } else if (last != null) {
        unread();
        break;
      }
    }
    return last != null ? last : new Item(Token.ERROR, "error expected: keyword found '" + buffer + "'");
  }

  private static boolean isWhitespace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
  }

  private static boolean isSpecialSymbol(char ch) {
    return switch (ch) {
      case '=', '!', '(', ')', ',', '>', '<' -> true;
      default -> false;
    };
  }
}
