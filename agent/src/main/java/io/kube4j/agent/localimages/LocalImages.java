package io.kube4j.agent.localimages;

import io.kube4j.agent.cri.containerd.Containerd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pause and busybox images (about 100 ms) and imports them into a containerd with the
 * aliases pod specs use. The build runs the shell scripts shipped as resources of this package, so
 * it works from a jar as from the source tree.
 */
public final class LocalImages {

  public static final String PAUSE = "localhost/kube4j/pause:3.9";
  /** Debian 12's busybox-static is 1.35.0; the alias busybox:1.36 is what pod specs in the docs ask for. */
  public static final String BUSYBOX = "localhost/kube4j/busybox:1.35";
  public static final List<String> PAUSE_ALIASES = List.of("registry.k8s.io/pause:3.9");
  public static final List<String> BUSYBOX_ALIASES =
      List.of("docker.io/library/busybox:latest", "docker.io/library/busybox:1.36");

  private static final List<String> RESOURCES = List.of("build-images.sh", "build-oci.sh", "pause.c");

  private LocalImages() {}

  /** Why the images cannot be built here (gcc, tar or /bin/busybox missing), or empty. */
  public static Optional<String> unavailableReason() {
    for (String tool : List.of("/usr/bin/gcc", "/bin/tar", "/usr/bin/sha256sum", "/usr/bin/perl")) {
      if (!Files.isExecutable(Path.of(tool))) {
        return Optional.of(tool + " is missing");
      }
    }
    if (!staticLibcPresent()) {
      return Optional.of("no static libc for gcc -static (apt-get install libc6-dev)");
    }
    if (!Files.isExecutable(Path.of("/bin/busybox"))) {
      return Optional.of("/bin/busybox is missing (apt-get install busybox-static)");
    }
    return Optional.empty();
  }

  /** gcc -print-file-name answers the bare name when it cannot find the file. */
  private static boolean staticLibcPresent() {
    try {
      Process p = new ProcessBuilder("/usr/bin/gcc", "-print-file-name=libc.a").redirectErrorStream(true).start();
      String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(30, TimeUnit.SECONDS) && path.startsWith("/") && Files.exists(Path.of(path));
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Writes pause-oci.tar and busybox-oci.tar into {@code outDir}. */
  public static List<LocalImage> build(Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Path scripts = Files.createTempDirectory("kube4j-images-");
    try {
      for (String name : RESOURCES) {
        try (InputStream in = LocalImages.class.getResourceAsStream(name)) {
          if (in == null) {
            throw new IOException("resource " + name + " missing next to " + LocalImages.class.getName());
          }
          Files.copy(in, scripts.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      run(List.of("bash", scripts.resolve("build-images.sh").toString(), outDir.toString(), PAUSE, BUSYBOX));
    } finally {
      for (String name : RESOURCES) {
        Files.deleteIfExists(scripts.resolve(name));
      }
      Files.deleteIfExists(scripts);
    }
    return List.of(new LocalImage(PAUSE, outDir.resolve("pause-oci.tar"), PAUSE_ALIASES),
        new LocalImage(BUSYBOX, outDir.resolve("busybox-oci.tar"), BUSYBOX_ALIASES));
  }

  /** Imports each image into containerd's CRI namespace and tags it with its aliases. */
  public static void importInto(Containerd containerd, List<LocalImage> images) throws IOException {
    for (LocalImage image : images) {
      containerd.importImage(image.tarball());
      if (!image.aliases().isEmpty()) {
        containerd.tag(image.name(), image.aliases().toArray(String[]::new));
      }
    }
  }

  /**
   * Pushes the images (already in {@code containerd}) to {@code registry} under the paths their
   * public names have on Docker Hub and registry.k8s.io: {@code library/busybox:1.36},
   * {@code library/busybox:latest}, {@code pause:3.9}. With the registry as containerd's mirror
   * for those hosts, {@code busybox}, {@code busybox:1.36} and {@code registry.k8s.io/pause:3.9} pull.
   */
  public static void publish(Containerd containerd, LocalRegistry registry) throws IOException {
    registry.push(containerd, BUSYBOX, "library/busybox:1.36");
    registry.push(containerd, BUSYBOX, "library/busybox:latest");
    registry.push(containerd, PAUSE, "pause:3.9");
  }

  private static void run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Lists what {@link #build} would write, for callers that only need the names. */
  public static List<String> allNames() {
    List<String> names = new ArrayList<>(List.of(PAUSE, BUSYBOX));
    names.addAll(PAUSE_ALIASES);
    names.addAll(BUSYBOX_ALIASES);
    return names;
  }
}
