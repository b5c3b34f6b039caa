/** The history of engagement tasks: filter by status, reopen a task's progress, export CSV. */
package app.cosell.ui.history;
