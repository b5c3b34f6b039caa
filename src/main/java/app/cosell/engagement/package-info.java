/**
 * Starting and following engagement tasks: {@link app.cosell.engagement.EngagementRunner} (start policy and tracker),
 * {@link app.cosell.engagement.StepInference} (step states from the evidence), {@link app.cosell.engagement.TaskHistory}
 * (persisted snapshots, resumed at launch), {@link app.cosell.engagement.FailureAdviceCatalogue} and
 * {@link app.cosell.engagement.ReadinessCheck} (what the rep can do), and the app's file plumbing
 * ({@link app.cosell.files.AppJson}, {@link app.cosell.files.AppDataFolder},
 * {@link app.cosell.files.JsonFileStore}). No JavaFX: the UI runs these blocking calls in its services.
 */
package app.cosell.engagement;
