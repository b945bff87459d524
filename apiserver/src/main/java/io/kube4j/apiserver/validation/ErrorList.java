package io.kube4j.apiserver.validation;

import io.kube4j.apiserver.api.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The field errors of one validation, in the order they were found ({@code field.ErrorList}). Strategies
 * return it as their {@code List<FieldError>}; the adders take a {@link Path} so call sites read like
 * upstream's {@code field.Required(fldPath.Child("image"), "")}.
 */
public final class ErrorList extends ArrayList<FieldError> {

  public ErrorList() {
    super();
  }

  public ErrorList required(Path field, String detail) {
    add(FieldError.required(field.toString(), detail));
    return this;
  }

  public ErrorList invalid(Path field, Object value, String detail) {
    add(FieldError.invalid(field.toString(), value, detail));
    return this;
  }

  public ErrorList forbidden(Path field, String detail) {
    add(FieldError.forbidden(field.toString(), detail));
    return this;
  }

  public ErrorList duplicate(Path field, Object value) {
    add(FieldError.duplicate(field.toString(), value));
    return this;
  }

  /** A duplicate with an explanation, e.g. node taints' {@code taints must be unique by key and effect pair}. */
  public ErrorList duplicate(Path field, Object value, String detail) {
    add(new FieldError(FieldError.Type.DUPLICATE, field.toString(), value, detail));
    return this;
  }

  public ErrorList notFound(Path field, Object value) {
    add(FieldError.notFound(field.toString(), value));
    return this;
  }

  /** {@code field.NotSupported}; the valid values are printed in the order given. */
  public ErrorList notSupported(Path field, Object value, Collection<String> valid) {
    add(FieldError.notSupported(field.toString(), value, valid));
    return this;
  }

  public ErrorList tooLong(Path field, int max) {
    add(FieldError.tooLong(field.toString(), "", max));
    return this;
  }

  /** {@code Too many: 21: must have at most 20 items}. */
  public ErrorList tooMany(Path field, int actual, int max) {
    add(new FieldError(FieldError.Type.TOO_MANY, field.toString(), actual,
        "must have at most " + max + " items"));
    return this;
  }

  public ErrorList internal(Path field, String detail) {
    add(new FieldError(FieldError.Type.INTERNAL, field.toString(), null, detail));
    return this;
  }

  /** One {@code Invalid} error per message, as upstream's {@code for _, msg := range ...} loops do. */
  public ErrorList invalidEach(Path field, Object value, List<String> messages) {
    for (String msg : messages) {
      invalid(field, value, msg);
    }
    return this;
  }

  public ErrorList addAllFrom(List<FieldError> more) {
    addAll(more);
    return this;
  }
}
