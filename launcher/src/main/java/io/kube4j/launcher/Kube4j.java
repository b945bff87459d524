package io.kube4j.launcher;

import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The Java side of {@code ./kube4j} and its composition root: builds the subcommands over one
 * {@link LocalCluster} read from the environment. ({@code ./kube4j test} never gets here: the
 * script runs Maven directly.)
 */
@Command(name = "kube4j", mixinStandardHelpOptions = true, version = "kube4j 0.1.0-SNAPSHOT",
    description = "Run a kube4j cluster on this machine. State lives in $KUBE4J_HOME (default ~/.kube4j).",
    footer = {"", "./kube4j test runs every test (./mvnw verify)."})
public final class Kube4j implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: up, down, status, logs or kubeconfig");
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.getenv(), System.out).execute(args));
  }

  static CommandLine commandLine(Map<String, String> env, PrintStream stdout) {
    LocalCluster cluster = new LocalCluster(env);
    return new CommandLine(new Kube4j())
        .addSubcommand(new UpCommand(cluster))
        .addSubcommand(new DownCommand(cluster))
        .addSubcommand(new StatusCommand(cluster))
        .addSubcommand(new LogsCommand(cluster, stdout))
        .addSubcommand(new KubeconfigCommand(cluster))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Kube4j::report);
  }

  /**
   * Expected failures (a file, a port, a lock, bad input) are one line for the user; anything else
   * is a bug in kube4j and keeps its stack trace.
   */
  private static int report(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    commandLine.getErr().println("kube4j: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    if (!(e instanceof java.io.IOException || e instanceof IllegalArgumentException)) {
      e.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().flush();
    return 1;
  }
}
