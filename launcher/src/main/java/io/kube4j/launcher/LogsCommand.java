package io.kube4j.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./kube4j logs COMPONENT [-f]}: prints a component's log, and with -f keeps following it. */
@Command(name = "logs", description = "Print a component's log (etcd, apiserver); -f follows it.")
final class LogsCommand implements Callable<Integer> {

  private static final long FOLLOW_POLL_MILLIS = 250;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "COMPONENT", description = "etcd or apiserver")
  String component;

  @Option(names = {"-f", "--follow"}, description = "Keep printing what the component writes, until interrupted.")
  boolean follow;

  private final LocalCluster cluster;
  private final PrintStream stdout;

  LogsCommand(LocalCluster cluster, PrintStream stdout) {
    this.cluster = cluster;
    this.stdout = stdout;
  }

  @Override
  public Integer call() throws Exception {
    Path log = cluster.state().logFile(component);
    if (!component.matches("[A-Za-z0-9._-]+") || !Files.exists(log)) {
      spec.commandLine().getErr().println("kube4j: no log for '" + component + "' in " + cluster.state().logs()
          + " (logs: " + String.join(", ", available()) + ")");
      spec.commandLine().getErr().flush();
      return 1;
    }
    // the log is bytes from another process: copy them as they are, not through a Writer
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      copy(channel, stdout);
      while (follow) {
        if (channel.size() < channel.position()) {
          channel.position(0);
        }
        if (copy(channel, stdout) == 0) {
          Thread.sleep(FOLLOW_POLL_MILLIS);
        }
      }
    }
    return 0;
  }

  private static long copy(SeekableByteChannel channel, OutputStream out) throws IOException {
    InputStream in = Channels.newInputStream(channel);
    long copied = in.transferTo(out);
    out.flush();
    return copied;
  }

  private java.util.List<String> available() throws IOException {
    if (!Files.isDirectory(cluster.state().logs())) {
      return java.util.List.of("none yet");
    }
    try (Stream<Path> files = Files.list(cluster.state().logs())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
    }
  }
}
