package io.kube4j.controllermanager.cronjob.cron;

/** A schedule robfig/cron would not parse; the message is robfig/cron's. */
public final class CronSyntaxException extends Exception {

  public CronSyntaxException(String message) {
    super(message);
  }
}
