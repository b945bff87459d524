package io.kube4j.agent.images;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.kube4j.agent.cri.CriException;
import io.kube4j.agent.cri.RemoteImageService;
import io.kube4j.agent.cri.v1.AuthConfig;
import io.kube4j.agent.cri.v1.ImageSpec;
import io.kube4j.agent.cri.v1.PodSandboxConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Makes sure a container's image is on the node before the container is created, after kubelet's
 * {@code imageManager.EnsureImageExists}: Never uses only what is there; IfNotPresent asks
 * ImageStatus first (containerd cannot "pull" an image that exists only locally); Always pulls.
 * A failed pull puts that pod's image into back-off (10 s doubling to 5 min, as kubelet's) during
 * which the answer is ImagePullBackOff without asking the registry.
 *
 * <p>Thread-safe: pod workers call it concurrently; the back-off table is guarded by {@code this}.
 */
public final class ImageManager {

  /** What kubelet records as Events on the pod while it gets an image (reasons as kubelet's). */
  public interface Events {
    void normal(String reason, String message);

    void warning(String reason, String message);
  }

  public static final Duration INITIAL_BACKOFF = Duration.ofSeconds(10);
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final RemoteImageService images;
  private final LongSupplier nanoClock;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  /** pod uid + image → (current delay, time of the last failure); guarded by {@code this}. */
  private final Map<String, long[]> backoff = new HashMap<>();

  public ImageManager(RemoteImageService images, LongSupplier nanoClock, Duration initialBackoff, Duration maxBackoff) {
    this.images = images;
    this.nanoClock = nanoClock;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  public ImageManager(RemoteImageService images) {
    this(images, System::nanoTime, INITIAL_BACKOFF, MAX_BACKOFF);
  }

  /**
   * Returns the image reference (id) to create the container with, or throws
   * {@link ImagePullException} with the reason the container's waiting state should show.
   */
  public String ensureImageExists(Pod pod, Container container, List<Secret> pullSecrets,
      PodSandboxConfig sandboxConfig, Events events) {
    String image;
    try {
      image = ImageReference.withDefaultTag(container.getImage());
    } catch (IllegalArgumentException e) {
      String message = "Failed to apply default image tag \"" + container.getImage() + "\": " + e.getMessage();
      events.warning("InspectFailed", message);
      throw new ImagePullException(ImagePullException.INVALID_IMAGE_NAME, message, e);
    }
    String policy = container.getImagePullPolicy() != null ? container.getImagePullPolicy()
        : ImageReference.defaultPullPolicy(container.getImage());
    ImageSpec spec = RemoteImageService.spec(image);
    if (!policy.equals("Always")) {
      Optional<String> present = images.imageStatus(spec).map(i -> i.getId());
      if (present.isPresent()) {
        events.normal("Pulled", "Container image \"" + container.getImage() + "\" already present on machine");
        return present.get();
      }
      if (policy.equals("Never")) {
        String message = "Container image \"" + container.getImage() + "\" is not present with pull policy of Never";
        events.warning(ImagePullException.ERR_IMAGE_NEVER_PULL, message);
        throw new ImagePullException(ImagePullException.ERR_IMAGE_NEVER_PULL, message, null);
      }
    }
    String key = pod.getMetadata().getUid() + "/" + image;
    if (inBackoff(key)) {
      String message = "Back-off pulling image \"" + container.getImage() + "\"";
      events.normal("BackOff", message);
      throw new ImagePullException(ImagePullException.IMAGE_PULL_BACK_OFF, message, null);
    }
    events.normal("Pulling", "Pulling image \"" + container.getImage() + "\"");
    long started = nanoClock.getAsLong();
    try {
      String ref = pull(spec, DockerKeyring.fromSecrets(pullSecrets).lookup(image), sandboxConfig);
      Duration took = Duration.ofNanos(nanoClock.getAsLong() - started);
      long size = images.imageStatus(RemoteImageService.spec(ref)).map(i -> i.getSize()).orElse(0L);
      events.normal("Pulled", "Successfully pulled image \"" + container.getImage() + "\" in " + took.toMillis()
          + "ms. Image size: " + size + " bytes.");
      synchronized (this) {
        backoff.remove(key);
      }
      return ref;
    } catch (CriException e) {
      recordFailure(key);
      String message = "Failed to pull image \"" + container.getImage() + "\": " + e.getMessage();
      events.warning("Failed", message);
      throw new ImagePullException(ImagePullException.ERR_IMAGE_PULL, message, e);
    }
  }

  /** Anonymous when no pull secret matches; otherwise each matching credential until one works. */
  private String pull(ImageSpec spec, List<AuthConfig> credentials, PodSandboxConfig sandboxConfig) {
    if (credentials.isEmpty()) {
      return images.pullImage(spec, null, sandboxConfig);
    }
    CriException last = null;
    for (AuthConfig auth : credentials) {
      try {
        return images.pullImage(spec, auth, sandboxConfig);
      } catch (CriException e) {
        last = e;
      }
    }
    throw last;
  }

  private synchronized boolean inBackoff(String key) {
    long[] entry = backoff.get(key);
    return entry != null && nanoClock.getAsLong() - entry[1] < entry[0];
  }

  /** Worked example with the defaults: failures at 0 s, 10 s and 30 s wait 10 s, 20 s, then 40 s. */
  private synchronized void recordFailure(String key) {
    long[] entry = backoff.get(key);
    long delay = entry == null ? initialBackoff.toNanos() : Math.min(entry[0] * 2, maxBackoff.toNanos());
    backoff.put(key, new long[] {delay, nanoClock.getAsLong()});
  }
}
