package io.kube4j.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaRuntimeTest {

  @Test
  void usesJavaFromJavaHomeWhenSet() {
    assertThat(JavaRuntime.fromEnvironment(Map.of("JAVA_HOME", "/opt/jdk")).java()).isEqualTo("/opt/jdk/bin/java");
  }

  @Test
  void usesJavaOnPathOtherwise() {
    assertThat(JavaRuntime.fromEnvironment(Map.of()).java()).isEqualTo("java");
  }

  @Test
  void appendsKube4jJavaOptsAfterTheModestDefaultHeapSoTheyWin() {
    JavaRuntime runtime = JavaRuntime.fromEnvironment(Map.of("KUBE4J_JAVA_OPTS", "  -Xmx2g  -Dx=y "));

    assertThat(runtime.options()).containsExactly("-Xmx1g", "-Xmx2g", "-Dx=y");
  }

  @Test
  void takesTheClasspathTheScriptExports() {
    assertThat(JavaRuntime.fromEnvironment(Map.of("KUBE4J_CLASSPATH", "/r/lib/*:/r/l.jar")).classpath())
        .isEqualTo("/r/lib/*:/r/l.jar");
  }

  @Test
  void fallsBackToTheLaunchersOwnClasspath() {
    assertThat(JavaRuntime.fromEnvironment(Map.of()).classpath()).isEqualTo(System.getProperty("java.class.path"));
  }

  @Test
  void buildsAJavaCommandLine() {
    JavaRuntime runtime = new JavaRuntime("java", "cp", List.of("-Xmx1g"));

    assertThat(runtime.command("a.Main", List.of("--x=1"))).containsExactly("java", "-Xmx1g", "-cp", "cp", "a.Main", "--x=1");
  }

  @Test
  void putsAComponentsOptionsAfterTheDefaultsAndBeforeTheUsers() {
    JavaRuntime runtime = JavaRuntime.fromEnvironment(Map.of("KUBE4J_CLASSPATH", "cp", "KUBE4J_JAVA_OPTS", "-Xmx2g"));

    assertThat(runtime.command("a.Main", List.of("-Xmx512m"), List.of()).subList(1, 4))
        .containsExactly("-Xmx1g", "-Xmx512m", "-Xmx2g");
  }
}
