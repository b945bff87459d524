package io.kube4j.benchmark;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Just enough HTTP/1.1 (RFC 9112) for the benchmark's blocking client: a request with a
 * Content-Length body, and a response head followed by a Content-Length or chunked body.
 */
final class Http1 {

  /** A response's status line and the headers that say how its body is framed and whether the connection stays. */
  record Head(int status, long contentLength, boolean chunked, boolean keepAlive) {}

  private Http1() {}

  static void writeRequest(OutputStream out, String method, String host, String path, byte[] body) throws IOException {
    StringBuilder head = new StringBuilder(160)
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append("\r\n")
        .append("Accept: application/json\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(body.length).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    if (body != null) {
      out.write(body);
    }
    out.flush();
  }

  static Head readHead(InputStream in) throws IOException {
    String status = line(in);
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x response: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean keepAlive = status.startsWith("HTTP/1.1");
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> keepAlive = !value.contains("close") && (keepAlive || value.contains("keep-alive"));
        default -> { }
      }
    }
    return new Head(code, length, chunked, keepAlive);
  }

  /** The whole body of a response whose head was just read. */
  static byte[] readBody(InputStream in, Head head) throws IOException {
    if (head.chunked()) {
      return new Chunked(in).readAllBytes();
    }
    if (head.contentLength() >= 0) {
      byte[] body = in.readNBytes((int) head.contentLength());
      if (body.length != head.contentLength()) {
        throw new EOFException("body ended after " + body.length + " of " + head.contentLength() + " bytes");
      }
      return body;
    }
    return in.readAllBytes(); // no framing: the body runs to the end of the connection
  }

  /** One CRLF-terminated line of the head, in ASCII, without its terminator. */
  static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed in the middle of a response head");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  /** A chunked body as one stream of its data: {@code <hex size>CRLF<data>CRLF ... 0CRLF CRLF}. */
  static final class Chunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done || !nextChunk()) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("connection closed in the middle of a chunk");
      }
      left -= n;
      if (left == 0 && !line(in).isEmpty()) {
        throw new IOException("a chunk is longer than its size says");
      }
      return n;
    }

    /** Positions at data; false (after reading the trailers) when the last chunk was reached. */
    private boolean nextChunk() throws IOException {
      if (left > 0) {
        return true;
      }
      String size = line(in);
      int ext = size.indexOf(';');
      left = Long.parseLong((ext < 0 ? size : size.substring(0, ext)).trim(), 16);
      if (left == 0) {
        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
          // trailers carry nothing the benchmark needs
        }
        done = true;
        return false;
      }
      return true;
    }
  }
}
