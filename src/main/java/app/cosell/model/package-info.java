/**
 * The domain of Co-Sell Console as immutable records and enums: opportunities, the engagement task and its six
 * steps, reason codes, failures. Depends on neither JavaFX nor the AWS SDK, so every layer can share it.
 */
package app.cosell.model;
