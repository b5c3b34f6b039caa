/**
 * The opportunity list and its detail pane: {@link app.cosell.ui.opportunities.OpportunityListModel} (the façade:
 * search, filters, status line, the API the views use), {@link app.cosell.ui.opportunities.OpportunityDetailModel},
 * {@link app.cosell.ui.opportunities.SavedViewsModel}, their thin controllers and FXML.
 *
 * <h2>The list model's parts</h2>
 * <pre>
 *   PagedLoader ──pages──&gt; TableFeed ──rows()──&gt; SearchIndex ──visibleRows() (one append or one setAll)──&gt; table
 *   (background:          (FX thread; alone       (rows in the table's order,   &lt;── sortBy(): the table's
 *    ListOpportunities     knows frames: holds      lower-cased text; a query         sort policy
 *    or store + sync)      pages back, swaps a      extending the last scans only
 *                          reload in two steps)     its matches)
 *   RowRefresher (tasks ended: rows fetched again), TitleFetcher (titles of rows on screen), RecordChecker
 *   (Readiness verdicts within the read budget), StoreStatus ("as of", the day's calls): around the façade.
 * </pre>
 *
 * <h2>A load, as the table feed sees it</h2>
 * <pre>
 *            refresh() / reload() / filter changed: begin() (a new generation; late pages of older loads dropped)
 *                                   |
 *                                   v
 *   +------------------------------------------------+  no rows on screen   +--------------------------------+
 *   | STALE: the previous load's rows stay on screen |--------------------&gt;| FIRST PAGE: handed over at once |
 *   +------------------------------------------------+                      +--------------------------------+
 *        | first page, same count: one setAll                                   |
 *        | first page, other count: SWAP step one (count), a frame, step two      |
 *        | ended without rows / failed at once / opened a row: cleared           |
 *        v                                                                       v
 *   +-----------------------------------------------------------------------------------------------+
 *   | HOLDING: later pages counted in the status line, held back from the table                      |
 *   +-----------------------------------------------------------------------------------------------+
 *        | the load ended, or held for HOLD_LIMIT              | search, sort, open a row, a row near the
 *        v                                                     | end shown (rowShown): everything at once
 *   +----------------------------------------------+           |
 *   | HANDING OVER: a turn's worth a frame          |&lt;----------+
 *   +----------------------------------------------+
 *        | nothing held and the end taken in
 *        v
 *      ENDED (complete or failed)
 * </pre>
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
 * them, handed over in a few large batches (see {@code TableFeed}).
 */
package app.cosell.ui.opportunities;
