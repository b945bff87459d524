package io.kube4j.apiserver.validation;

/**
 * A field path such as {@code spec.containers[0].image} or {@code metadata.labels[app]}, built the way
 * {@code field.Path} builds it: {@link #child} adds {@code .name}, {@link #index} adds {@code [i]} and
 * {@link #key} adds {@code [key]} (unquoted, as upstream prints map keys).
 */
public final class Path {

  private final Path parent;
  private final String element;

  private Path(Path parent, String element) {
    this.parent = parent;
    this.element = element;
  }

  /**
   * {@code field.NewPath(name, more...)}. An empty name prints as {@code []}, as upstream's does: the
   * path of an error about the whole object ({@code []: Too long: must have at most 1048576 bytes}).
   */
  public static Path root(String name, String... more) {
    Path p = new Path(null, name.isEmpty() ? "[]" : name);
    for (String m : more) {
      p = p.child(m);
    }
    return p;
  }

  public Path child(String name, String... more) {
    Path p = new Path(this, "." + name);
    for (String m : more) {
      p = new Path(p, "." + m);
    }
    return p;
  }

  public Path index(int i) {
    return new Path(this, "[" + i + "]");
  }

  public Path key(String key) {
    return new Path(this, "[" + key + "]");
  }

  /** The first element, e.g. {@code spec} for {@code spec.replicas}. */
  public Path root() {
    return parent == null ? this : parent.root();
  }

  @Override
  public String toString() {
    if (parent == null) {
      return element;
    }
    return parent + element;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Path p && p.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
