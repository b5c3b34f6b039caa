/**
 * The opportunity list and its detail pane: {@link app.cosell.ui.opportunities.OpportunityListModel} (the façade:
 * rows, search, filters, status line), {@link app.cosell.ui.opportunities.OpportunityDetailModel},
 * {@link app.cosell.ui.opportunities.SavedViewsModel}, their thin controllers and FXML.
 *
 * <h2>The list kept in the pipeline store</h2>
 * With a store-backed {@link app.cosell.ui.opportunities.OpportunitySource} (the app's), every load reads the stored
 * rows first and then, unless only a filter changed, syncs:
 * <pre>
 *                F5 / launch (SYNC)        Shift+F5 (FULL)        filter changed (STORED)
 *                        \                       |                       /
 *                         v                      v                      v
 *   +-----------------------------------------------------------------------------+
 *   | STORED ROWS SHOWN: stored rows, filtered here, handed to the table at once;   |
 *   | "as of &lt;last sync&gt;" in the status line; verdicts of checked records      |
 *   +-----------------------------------------------------------------------------+
 *        | SYNC / FULL                                             | STORED
 *        v                                                         |
 *   +--------------------------------------------+                 |
 *   | SYNCING: incremental (changes only) or    |                 |
 *   | full; on a first launch (nothing stored)   |                 |
 *   | each page goes to the table as it arrives  |                 |
 *   +--------------------------------------------+                 |
 *        | ok: "as of" cleared;   | failed: rows and "as of" stay, |
 *        | rows changed and some  | failure shown                  |
 *        | were on screen:        v                                |
 *        | read again (STORED) -> ENDED &lt;---------------------------+
 *        v                          |
 *      ENDED ---------------------> CHECKING RECORDS: full records of still-submittable rows not yet checked,
 *                                    newest first, within the session's read budget; each verdict as it comes
 * </pre>
 * A new load of any kind abandons the one under way (a generation number; its late pages are dropped). The rows of
 * the previous load stay on screen until the new load's first rows replace them. Without a store (tests of the
 * paged load), a load pages the service as before: first page at once, later pages held back until the table needs
 * them, handed over in a few large batches (see the model's class comment).
 *
 * <p>Not yet done here (issue "A house a newcomer can carry on", item 1): the split of the façade into a loader, a
 * table feed that alone knows frames, a row refresher and a title fetcher.
 */
package app.cosell.ui.opportunities;
