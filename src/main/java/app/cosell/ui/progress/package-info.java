/** The live progress window of a task: its six steps, the created ids, or the failure with its advice and actions. */
package app.cosell.ui.progress;
