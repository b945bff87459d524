package io.kube4j.agent.kuberuntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parts of a resolv.conf(5) that pods inherit: nameservers, search domains and options. */
public record ResolvConf(List<String> nameservers, List<String> searches, List<String> options) {

  public static final ResolvConf EMPTY = new ResolvConf(List.of(), List.of(), List.of());

  public ResolvConf {
    nameservers = List.copyOf(nameservers);
    searches = List.copyOf(searches);
    options = List.copyOf(options);
  }

  /** Parses the file's text as the resolver does: the last search line wins, comments start with # or ;. */
  public static ResolvConf parse(String text) {
    List<String> nameservers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    List<String> options = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.replaceFirst("[#;].*", "").trim();
      String[] f = line.split("\\s+");
      if (f.length < 2) {
        continue;
      }
      List<String> rest = List.of(f).subList(1, f.length);
      switch (f[0]) {
        case "nameserver" -> nameservers.add(f[1]);
        case "search", "domain" -> {
          searches.clear();
          searches.addAll(rest);
        }
        case "options" -> options.addAll(rest);
        default -> { }
      }
    }
    return new ResolvConf(nameservers, searches, options);
  }

  public static ResolvConf read(Path file) throws IOException {
    return Files.exists(file) ? parse(Files.readString(file)) : EMPTY;
  }
}
