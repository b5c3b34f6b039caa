/**
 * What every screen shares: {@link app.cosell.ui.common.Background} (work off the FX thread on the one application
 * executor), {@link app.cosell.ui.common.ErrorPresenter}, {@link app.cosell.ui.common.Messages} (the bundle),
 * {@link app.cosell.ui.common.Icons}, {@link app.cosell.ui.common.Theme}, {@link app.cosell.ui.common.Formats},
 * {@link app.cosell.ui.common.Shortcuts}. Depends on no other screen package.
 */
package app.cosell.ui.common;
