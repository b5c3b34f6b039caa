/** Settings: connection (emulator or AWS profile, catalog), theme, the emulator's demo speed and fault scenario. */
package app.cosell.ui.settings;
