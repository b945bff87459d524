package io.kube4j.launcher.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How Java components are started: which {@code java}, which classpath, which JVM options.
 *
 * <ul>
 *   <li>java: {@code $JAVA_HOME/bin/java} when {@code JAVA_HOME} is set, else {@code java} on PATH;
 *   <li>classpath: {@code $KUBE4J_CLASSPATH} (the script sets it to
 *       {@code launcher/target/lib/*:launcher/target/kube4j-launcher-*.jar}), else the launcher's own;
 *   <li>options: {@value #DEFAULT_OPTIONS}, then {@code $KUBE4J_JAVA_OPTS} (later options win, so
 *       {@code KUBE4J_JAVA_OPTS=-Xmx2g} raises the heap).
 * </ul>
 */
public record JavaRuntime(String java, String classpath, List<String> options) {

  /** A modest heap: kube4j runs beside etcd and other components on a developer machine. */
  public static final String DEFAULT_OPTIONS = "-Xmx1g";

  public JavaRuntime {
    options = List.copyOf(options);
  }

  public static JavaRuntime fromEnvironment(Map<String, String> env) {
    String javaHome = env.get("JAVA_HOME");
    String java = javaHome == null || javaHome.isBlank() ? "java" : Path.of(javaHome, "bin", "java").toString();
    String classpath = env.getOrDefault("KUBE4J_CLASSPATH", System.getProperty("java.class.path"));
    List<String> options = new ArrayList<>(split(DEFAULT_OPTIONS));
    options.addAll(split(env.getOrDefault("KUBE4J_JAVA_OPTS", "")));
    return new JavaRuntime(java, classpath, options);
  }

  public JavaRuntime withClasspath(String newClasspath) {
    return new JavaRuntime(java, newClasspath, options);
  }

  /** {@code java <options> -cp <classpath> <mainClass> <args>}. */
  public List<String> command(String mainClass, List<String> args) {
    return command(mainClass, List.of(), args);
  }

  /**
   * As {@link #command(String, List)}, with a component's own JVM options after kube4j's defaults
   * and before the user's {@code KUBE4J_JAVA_OPTS}, so that the user still has the last word
   * (later options win).
   */
  public List<String> command(String mainClass, List<String> componentOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    List<String> defaults = split(DEFAULT_OPTIONS);
    boolean startsWithDefaults = options.size() >= defaults.size() && options.subList(0, defaults.size()).equals(defaults);
    int split = startsWithDefaults ? defaults.size() : 0;
    command.addAll(options.subList(0, split));
    command.addAll(componentOptions);
    command.addAll(options.subList(split, options.size()));
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  private static List<String> split(String options) {
    return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }
}
