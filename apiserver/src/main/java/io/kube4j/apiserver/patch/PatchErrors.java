package io.kube4j.apiserver.patch;

import io.fabric8.kubernetes.api.model.StatusDetails;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.api.GroupKind;
import io.kube4j.apiserver.api.Reason;
import io.kube4j.apiserver.api.StatusException;
import java.util.List;

/** The {@link StatusException}s upstream's {@code patch.go} answers bad patches with. */
final class PatchErrors {

  private PatchErrors() {}

  /** {@code errors.NewBadRequest(message)}. */
  static StatusException badRequest(String message) {
    return StatusException.badRequest(message);
  }

  /**
   * {@code errors.NewGenericServerResponse(422, ...)}: upstream drops the underlying error's text,
   * so kubectl prints {@code The request is invalid: the server rejected our request due to an error
   * in our request}.
   */
  static StatusException unprocessable() {
    return new StatusException(Reason.INVALID, 422,
        "the server rejected our request due to an error in our request", new StatusDetails());
  }

  /**
   * An error without a status: upstream's {@code ErrorToAPIStatus} turns it into a 500 carrying the
   * bare message (with reason {@code ""}, which {@link Reason} cannot express; InternalError is closest).
   */
  static StatusException unknown(String message) {
    return new StatusException(Reason.INTERNAL_ERROR, 500, message, null);
  }

  /** {@code errors.NewRequestEntityTooLargeError}. */
  static StatusException requestEntityTooLarge(String message) {
    return new StatusException(Reason.REQUEST_ENTITY_TOO_LARGE, 413, "Request entity too large: " + message, null);
  }

  /**
   * The patched JSON could not be decoded into an object: {@code errors.NewInvalid} with an empty kind
   * and name and the field {@code patch}, as {@code jsonPatcher.applyPatchToCurrentObject} reports it.
   */
  static StatusException undecodable(String patchedJson, String why) {
    return StatusException.invalid(GroupKind.of("", ""), "",
        List.of(FieldError.invalid("patch", patchedJson, why)));
  }

  /** {@code negotiation.NewUnsupportedMediaTypeError} for the patch types this server accepts. */
  static StatusException unsupportedMediaType(List<PatchType> accepted) {
    StringBuilder types = new StringBuilder();
    for (PatchType t : accepted) {
      types.append(types.isEmpty() ? "" : ", ").append(t.contentType());
    }
    return new StatusException(Reason.UNSUPPORTED_MEDIA_TYPE,
        "the body of the request was in an unknown format - accepted media types include: " + types);
  }

  /** {@code interpretStrategicMergePatchError}. */
  static StatusException fromStrategicMergePatch(StrategicMergePatchException e) {
    return switch (e.category()) {
      case BAD_REQUEST -> badRequest(e.getMessage());
      case UNPROCESSABLE -> unprocessable();
      case OTHER -> unknown(e.getMessage());
    };
  }
}
