/**
 * The app's own files: where they live on each OS ({@link app.cosell.files.AppDataFolder}), the one JSON mapper
 * configuration ({@link app.cosell.files.AppJson}), a JSON document kept in a file
 * ({@link app.cosell.files.JsonFileStore}) and the one way to write a file whole or not at all
 * ({@link app.cosell.files.AtomicFile}). Depends on nothing else of ours.
 */
package app.cosell.files;
