package io.kube4j.apiserver.authn.tokenfile;

import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Authenticator;
import io.kube4j.apiserver.authn.Credentials;
import io.kube4j.apiserver.authn.UserInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises the bearer tokens of a token file. An unknown token is no opinion here: another
 * authenticator may know it, and one nobody knows is a 401.
 */
public final class TokenFileAuthenticator implements Authenticator {

  private final Map<String, UserInfo> users;

  private TokenFileAuthenticator(Map<String, UserInfo> users) {
    this.users = Map.copyOf(users);
  }

  /** Reads the file; a malformed line stops the apiserver, with upstream's words. */
  public static TokenFileAuthenticator read(Path file) throws IOException {
    Map<String, UserInfo> users = new HashMap<>();
    int lineNumber = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      List<String> record = csv(line);
      if (record.size() < 3) {
        throw new IOException("token file '" + file + "' must have at least 3 columns (token, user name, user uid), "
            + "found " + record.size());
      }
      String token = record.get(0);
      if (token.isEmpty()) {
        throw new IOException("token file '" + file + "': line " + lineNumber + " has an empty token");
      }
      List<String> groups = new ArrayList<>();
      if (record.size() >= 4 && !record.get(3).isEmpty()) {
        for (String g : record.get(3).split(",")) {
          groups.add(g.trim());
        }
      }
      users.put(token, new UserInfo(record.get(1), record.get(2), List.copyOf(groups), Map.of()));
    }
    return new TokenFileAuthenticator(users);
  }

  @Override
  public AuthenticationResult authenticate(Credentials credentials) {
    if (credentials.bearerToken().isEmpty()) {
      return new AuthenticationResult.NoOpinion();
    }
    byte[] presented = credentials.bearerToken().get().getBytes(StandardCharsets.UTF_8);
    for (Map.Entry<String, UserInfo> e : users.entrySet()) {
      // compare every token in constant time: the time taken says nothing about how close a guess was
      if (MessageDigest.isEqual(presented, e.getKey().getBytes(StandardCharsets.UTF_8))) {
        return new AuthenticationResult.Authenticated(e.getValue(), "token-file");
      }
    }
    return new AuthenticationResult.NoOpinion();
  }

  /** One CSV record ({@code encoding/csv}): fields split by commas, a quoted field may hold commas. */
  static List<String> csv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
