package io.kube4j.apiserver.patch;

/**
 * The schema a strategic merge patch walks alongside the object: for a field of the current level,
 * its {@link PatchMeta} and the schema of the level below. Mirrors upstream's interface of the same name.
 */
interface LookupPatchMeta {

  /** The field's schema and patch meta, given that its value is an object. */
  Lookup forStruct(String key);

  /** The field's patch meta and the schema of its elements, given that its value is a list. */
  Lookup forSlice(String key);

  /** What the schema describes, for error messages ({@code reflect.Kind} upstream). */
  String name();

  record Lookup(LookupPatchMeta schema, PatchMeta meta) {}
}
