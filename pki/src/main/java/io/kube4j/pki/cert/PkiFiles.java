package io.kube4j.pki.cert;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes PKI files with the permissions their content calls for: private keys and kubeconfigs
 * (which embed a key) {@code 0600}, certificates and public keys {@code 0644}. Each file is
 * written to a temporary sibling and renamed into place, so a reader never sees half a key and a
 * key is never readable by others, not even for an instant.
 */
public final class PkiFiles {

  public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
  public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private PkiFiles() {}

  public static void writePrivate(Path file, String content) throws IOException {
    write(file, content, PRIVATE);
  }

  public static void writePublic(Path file, String content) throws IOException {
    write(file, content, PUBLIC);
  }

  /** Creates {@code dir} (and parents) if missing; a directory this creates is {@code 0700}. */
  public static void ensureDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir);
    setPermissions(dir, PRIVATE_DIRECTORY);
  }

  private static void write(Path file, String content, Set<PosixFilePermission> permissions) throws IOException {
    Path target = file.toAbsolutePath();
    ensureDirectory(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(PRIVATE));
    try {
      Files.writeString(temp, content);
      setPermissions(temp, permissions);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Sets permissions exactly, whatever the umask; a no-op on file systems without POSIX modes. */
  private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (only Linux hosts run kube4j; this keeps tools usable elsewhere)
    }
  }
}
