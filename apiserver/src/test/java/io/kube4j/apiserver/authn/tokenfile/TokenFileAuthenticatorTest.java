package io.kube4j.apiserver.authn.tokenfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.apiserver.authn.AuthenticationResult;
import io.kube4j.apiserver.authn.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileAuthenticatorTest {

  @TempDir
  Path dir;

  @Test
  void aKnownTokenIsItsUserWithItsGroups() throws IOException {
    TokenFileAuthenticator a = TokenFileAuthenticator.read(write(
        "s3cret,jane,1001,\"dev,ops\"\n\nother,bob,1002\n"));

    AuthenticationResult r = a.authenticate(new Credentials(List.of(), Optional.of("s3cret")));

    assertThat(r).isInstanceOfSatisfying(AuthenticationResult.Authenticated.class, ok -> {
      assertThat(ok.user().name()).isEqualTo("jane");
      assertThat(ok.user().uid()).isEqualTo("1001");
      assertThat(ok.user().groups()).containsExactly("dev", "ops");
    });
    assertThat(a.authenticate(new Credentials(List.of(), Optional.of("other")))).isInstanceOfSatisfying(
        AuthenticationResult.Authenticated.class, ok -> assertThat(ok.user().groups()).isEmpty());
  }

  @Test
  void anUnknownTokenOrNoTokenIsNoOpinion() throws IOException {
    TokenFileAuthenticator a = TokenFileAuthenticator.read(write("s3cret,jane,1001\n"));
    assertThat(a.authenticate(new Credentials(List.of(), Optional.of("s3cre")))).isInstanceOf(
        AuthenticationResult.NoOpinion.class);
    assertThat(a.authenticate(Credentials.NONE)).isInstanceOf(AuthenticationResult.NoOpinion.class);
  }

  @Test
  void aLineWithTooFewColumnsIsRefusedWithUpstreamsWords() throws IOException {
    Path file = write("s3cret,jane\n");
    assertThatThrownBy(() -> TokenFileAuthenticator.read(file)).hasMessage("token file '" + file
        + "' must have at least 3 columns (token, user name, user uid), found 2");
  }

  @Test
  void quotedFieldsMayHoldCommasAndQuotes() {
    assertThat(TokenFileAuthenticator.csv("t,u,1,\"a,b\"")).containsExactly("t", "u", "1", "a,b");
    assertThat(TokenFileAuthenticator.csv("t,\"x\"\"y\",1")).containsExactly("t", "x\"y", "1");
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("tokens.csv"), content);
  }
}
