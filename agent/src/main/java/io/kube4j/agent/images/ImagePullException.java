package io.kube4j.agent.images;

/**
 * The container's image is not there and cannot be had now. The reason is what the container's
 * waiting state shows: {@code ErrImagePull} right after a failed pull, {@code ImagePullBackOff}
 * while the next attempt waits, {@code ErrImageNeverPull} under pull policy Never,
 * {@code InvalidImageName} for a reference that does not parse.
 */
public final class ImagePullException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String ERR_IMAGE_PULL = "ErrImagePull";
  public static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
  public static final String ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";
  public static final String INVALID_IMAGE_NAME = "InvalidImageName";

  private final String reason;

  public ImagePullException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
