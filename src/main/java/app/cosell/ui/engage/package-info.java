/** The Start engagement form: involvement, visibility, tags checked as the service checks them, drafts, CLI text. */
package app.cosell.ui.engage;
