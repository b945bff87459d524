package io.kube4j.agent.localimages;

import java.nio.file.Path;
import java.util.List;

/**
 * An image built here: its own name (written into the tarball), the tarball, and the names pod
 * specs use for it, given as tags after import.
 */
public record LocalImage(String name, Path tarball, List<String> aliases) {

  public LocalImage {
    aliases = List.copyOf(aliases);
  }
}
