package app.cosell.model;

/** A resource snapshot job of an engagement (ListResourceSnapshotJobs). {@code status} is Running or Stopped. */
public record ResourceSnapshotJob(String id, String arn, String engagementId, String status) {}
