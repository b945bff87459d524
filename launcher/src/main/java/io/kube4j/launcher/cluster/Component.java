package io.kube4j.launcher.cluster;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One control-plane process as the launcher runs it: its name (also the name of its log and pid
 * files), the program, its flags, the port it serves on and the URL that says it is ready.
 */
public record Component(String name, Program program, List<String> args, int port, HealthCheck health) {

  public Component {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(program, "program");
    args = List.copyOf(args);
    Objects.requireNonNull(health, "health");
  }

  /** What to run: a binary found on PATH, or a main class on kube4j's own classpath. */
  public sealed interface Program permits Binary, JavaMain {}

  public record Binary(String command) implements Program {}

  /** A main class and JVM options of its own (placed after kube4j's defaults, before {@code KUBE4J_JAVA_OPTS}). */
  public record JavaMain(String mainClass, List<String> jvmOptions) implements Program {
    public JavaMain {
      jvmOptions = List.copyOf(jvmOptions);
    }

    public JavaMain(String mainClass) {
      this(mainClass, List.of());
    }
  }

  /** Ready when {@code GET url} answers 200 with a body containing {@code expectedBody}. */
  public record HealthCheck(URI url, String expectedBody) {
    public boolean accepts(int status, String body) {
      return status == 200 && body.contains(expectedBody);
    }
  }

  public static Component binary(String name, String command, List<String> args, int port, HealthCheck health) {
    return new Component(name, new Binary(command), args, port, health);
  }

  public static Component java(String name, String mainClass, List<String> args, int port, HealthCheck health) {
    return new Component(name, new JavaMain(mainClass), args, port, health);
  }
}
