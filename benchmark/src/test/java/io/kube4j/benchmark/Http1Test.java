package io.kube4j.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Http1Test {

  private static InputStream wire(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void writesARequestWithItsBodyLength() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Http1.writeRequest(out, "POST", "127.0.0.1:6443", "/api/v1/namespaces", "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("POST /api/v1/namespaces HTTP/1.1\r\n"
        + "Host: 127.0.0.1:6443\r\nAccept: application/json\r\nContent-Type: application/json\r\n"
        + "Content-Length: 2\r\n\r\n{}");
  }

  record Case(String name, String response, Http1.Head head, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> responses() {
    return Stream.of(
        new Case("a sized body keeps the connection",
            "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 5\r\n\r\n{\"a\"}NEXT",
            new Http1.Head(201, 5, false, true), "{\"a\"}"),
        new Case("a chunked body is joined and its trailers skipped",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\n{\"ite\r\n3\r\nms\"\r\n0\r\nX-T: 1\r\n\r\nNEXT",
            new Http1.Head(200, -1, true, true), "{\"items\""),
        new Case("connection close is honoured",
            "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno",
            new Http1.Head(404, 2, false, false), "no"),
        new Case("HTTP/1.0 without keep-alive closes", "HTTP/1.0 200 OK\r\n\r\nto the end",
            new Http1.Head(200, -1, false, false), "to the end"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void readsTheHeadAndExactlyTheBodyItFrames(Case c) throws IOException {
    InputStream in = wire(c.response());

    Http1.Head head = Http1.readHead(in);
    byte[] body = Http1.readBody(in, head);

    assertThat(head).isEqualTo(c.head());
    assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo(c.body());
  }

  @Test
  void aBodyCutShortIsAnError() throws IOException {
    InputStream in = wire("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
    Http1.Head head = Http1.readHead(in);

    assertThatThrownBy(() -> Http1.readBody(in, head)).isInstanceOf(EOFException.class)
        .hasMessageContaining("5 of 10");
  }

  @Test
  void aChunkLongerThanItsSizeSaysIsAnError() {
    InputStream in = new Http1.Chunked(wire("2\r\nabc\r\n0\r\n\r\n"));

    assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("chunk");
  }

  @Test
  void aChunkedStreamCanBeReadLineByLineAsItArrives() throws IOException {
    InputStream in = wire("6\r\n{\"a\":1\r\n6\r\n}\n{\"b\"\r\n3\r\n:2}\r\n1\r\n\n\r\n0\r\n\r\n");

    String lines = new String(new Http1.Chunked(in).readAllBytes(), StandardCharsets.US_ASCII);

    assertThat(lines.lines()).containsExactly("{\"a\":1}", "{\"b\":2}");
  }
}
