package app.cosell.ui.opportunities;

import app.cosell.model.Opportunity;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.ErrorReport;
import app.cosell.ui.common.FieldGrid;
import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.history.TaskRows;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The detail pane: shows the {@link OpportunityDetailModel}; "Open progress" and "Start" go to the callbacks. */
public final class OpportunityDetailController {

    private final OpportunityDetailModel model;
    private final Runnable startEngagement;
    private final Consumer<TaskProgress> openProgress;

    @FXML private VBox root;
    @FXML private Label emptyLabel;
    @FXML private HBox loadingBox;
    @FXML private VBox content;
    @FXML private Label titleLabel;
    @FXML private Label subtitleLabel;
    @FXML private Button copyCrmButton;
    @FXML private VBox findingsBox;
    @FXML private Button startButton;
    @FXML private GridPane customerGrid;
    @FXML private GridPane projectGrid;
    @FXML private GridPane lifecycleGrid;
    @FXML private VBox solutionsBox;
    @FXML private VBox tasksBox;
    @FXML private Label failureLabel;
    @FXML private VBox reviewSlot;
    private Label startBlockedLabel;

    public OpportunityDetailController(OpportunityDetailModel model, Runnable startEngagement,
                                       Consumer<TaskProgress> openProgress) {
        this.model = model;
        this.startEngagement = startEngagement;
        this.openProgress = openProgress;
    }

    @FXML
    private void initialize() {
        bindShown(emptyLabel, false);
        bindShown(loadingBox, false);
        bindShown(content, false);
        bindShown(failureLabel, false);
        startButton.setGraphic(Icons.START.create());
        // The guard blocks: Start is disabled, with the reason beside it.
        startButton.disableProperty().bind(model.startBlockedProperty());
        startBlockedLabel = new Label();
        startBlockedLabel.setId("detailStartBlocked");
        startBlockedLabel.setWrapText(true);
        startBlockedLabel.getStyleClass().add("text-muted");
        startBlockedLabel.textProperty().bind(model.startBlockedReasonProperty());
        startBlockedLabel.visibleProperty().bind(model.startBlockedProperty());
        startBlockedLabel.managedProperty().bind(startBlockedLabel.visibleProperty());
        if (startButton.getParent() instanceof javafx.scene.layout.Pane parent) {
            int at = parent.getChildren().indexOf(startButton);
            parent.getChildren().remove(startButton);
            HBox startRow = new HBox(10, startButton, startBlockedLabel);
            startRow.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(startBlockedLabel, Priority.ALWAYS);
            parent.getChildren().add(at, startRow);
        }
        copyCrmButton.setGraphic(Icons.COPY.create());
        model.selectedProperty().addListener(o -> refresh());
        model.opportunityProperty().addListener(o -> refresh());
        model.loadingProperty().addListener(o -> refresh());
        model.failureProperty().addListener(o -> refresh());
        model.tasks().addListener((javafx.collections.ListChangeListener<TaskProgress>) c -> showTasks());
        refresh();
    }

    public VBox root() { return root; }

    /** Where AWS's review of the shown opportunity goes (the review panel, ui.review). */
    public VBox reviewSlot() { return reviewSlot; }

    @FXML
    private void startEngagement() { startEngagement.run(); }

    private void refresh() {
        boolean none = model.selectedProperty().get() == null;
        Opportunity o = model.opportunityProperty().get();
        Throwable failure = model.failureProperty().get();
        show(emptyLabel, none);
        show(loadingBox, !none && model.loadingProperty().get());
        show(content, o != null);
        show(failureLabel, failure != null);
        if (failure != null) {
            ErrorReport r = ErrorReport.of(Messages.get("detail.failed"), failure);
            failureLabel.setText(Messages.get("detail.failed") + "\n" + r.message() + "\n" + r.hint());
        }
        if (o != null) showOpportunity(o);
    }

    private void showOpportunity(Opportunity o) {
        Opportunity.Project p = o.project();
        Opportunity.Customer c = o.customer();
        Opportunity.LifeCycle l = o.lifeCycle();
        titleLabel.setText(p != null && p.title() != null ? p.title() : o.id());
        subtitleLabel.setText(o.id() + (o.partnerOpportunityIdentifier() == null ? "" : " · " + o.partnerOpportunityIdentifier())
                + " · " + o.catalog().wire());

        copyCrmButton.setVisible(o.partnerOpportunityIdentifier() != null && !o.partnerOpportunityIdentifier().isBlank());
        copyCrmButton.setManaged(copyCrmButton.isVisible());
        copyCrmButton.setOnAction(e -> {
            javafx.scene.input.ClipboardContent clip = new javafx.scene.input.ClipboardContent();
            clip.putString(o.partnerOpportunityIdentifier());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(clip);
            copyCrmButton.getTooltip().setText(Messages.get("detail.crm.copied"));
        });
        copyCrmButton.setTooltip(new javafx.scene.control.Tooltip(Messages.get("detail.crm.copy")));

        findingsBox.getChildren().clear();
        app.cosell.model.ReviewStatus review = l == null ? null : l.reviewStatus();
        if (review == app.cosell.model.ReviewStatus.SUBMITTED || review == app.cosell.model.ReviewStatus.IN_REVIEW
                || review == app.cosell.model.ReviewStatus.APPROVED) {
            // Already with AWS: nothing is wrong, there is simply nothing to start. No red error for a success.
            findingsBox.getChildren().add(finding("info", Icons.INFO,
                    Messages.format("detail.readiness.submitted", Messages.of("review", review)), null));
        } else if (model.findings().isEmpty()) {
            findingsBox.getChildren().add(finding("ok", Icons.OK, Messages.get("detail.readiness.ok"), null));
        }
        else {
            boolean editable = app.cosell.engagement.StartGuard.editable(o);
            for (ReadinessItem f : model.findings()) {
                VBox box = finding(f.blocking() ? "blocking" : "warning",
                        f.blocking() ? Icons.ERROR : Icons.WARNING, f.problem(), f.fix());
                if (f.field() != null && editable) {
                    Button fix = new Button(Messages.get("guard.blocked.fixIt"));
                    fix.setId("fixIt-" + f.field().name());
                    fix.getStyleClass().addAll(Styles.SMALL);
                    fix.setOnAction(e -> model.fix(f));
                    VBox.setMargin(fix, new Insets(0, 0, 0, 24));
                    box.getChildren().add(fix);
                }
                findingsBox.getChildren().add(box);
            }
        }

        fill(customerGrid,
                "detail.customer.company", c == null ? null : c.companyName(),
                "detail.customer.industry", missingIfBlank(c == null ? null : (c.otherIndustry() != null ? c.industry() + " (" + c.otherIndustry() + ")" : c.industry())),
                "detail.customer.website", missingIfBlank(c == null ? null : c.websiteUrl()),
                "detail.customer.location", c == null ? null : join(c.city(), c.stateOrRegion(), c.postalCode(), c.countryCode()));
        fill(projectGrid,
                "detail.project.problem", p == null ? null : p.customerBusinessProblem(),
                "detail.project.useCase", p == null ? null : p.customerUseCase(),
                "detail.project.delivery", p == null ? null : String.join(", ", p.deliveryModels()),
                "detail.project.spend", p == null ? null : p.expectedCustomerSpend().stream().map(Formats::money)
                        .collect(Collectors.joining(", ")),
                "detail.project.needs", String.join(", ", o.primaryNeedsFromAws()));
        fill(lifecycleGrid,
                "detail.lifecycle.stage", l == null ? null : (l.stage() != null ? Messages.of("stage", l.stage()) : l.stageRaw()),
                "detail.lifecycle.review", l == null ? null : (l.reviewStatus() != null ? Messages.of("review", l.reviewStatus()) : l.reviewStatusRaw()),
                "detail.lifecycle.close", l == null ? null : Formats.date(l.targetCloseDate()),
                "detail.lifecycle.reviewReason", l == null ? null : join(l.reviewStatusReason(), l.reviewComments()),
                "detail.lifecycle.closedLost", l == null ? null : l.closedLostReason(),
                "detail.lifecycle.modified", Formats.dateTime(o.lastModifiedDate()));

        solutionsBox.getChildren().clear();
        if (o.relatedSolutionIds().isEmpty()) solutionsBox.getChildren().add(placeholder(Messages.get("detail.solutions.none")));
        for (String s : o.relatedSolutionIds()) solutionsBox.getChildren().add(new Label(s));
        showTasks();
    }

    private void showTasks() {
        tasksBox.getChildren().clear();
        List<TaskProgress> tasks = model.tasks();
        if (tasks.isEmpty()) {
            tasksBox.getChildren().add(placeholder(Messages.get("detail.tasks.none")));
            return;
        }
        for (TaskProgress t : tasks) {
            Label what = new Label(TaskRows.statusText(t) + " · " + Formats.dateTime(t.requestedAt()));
            what.getStyleClass().add(TaskRows.statusStyle(t));
            // The status and date wrap rather than being cut; the button keeps its whole name.
            what.setWrapText(true);
            what.setMinWidth(0);
            HBox.setHgrow(what, Priority.SOMETIMES);
            Button open = new Button(Messages.get("detail.tasks.open"), Icons.OPEN.create());
            open.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            open.setAccessibleText(Messages.format("detail.tasks.open.accessible", Formats.dateTime(t.requestedAt())));
            open.setOnAction(e -> openProgress.accept(t));
            open.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox head = new HBox(8, what, spacer, open);
            head.setAlignment(Pos.CENTER_LEFT);
            Label more = new Label(TaskRows.outcome(t));
            more.setWrapText(true);
            more.getStyleClass().add("text-muted");
            tasksBox.getChildren().add(new VBox(2, head, more));
        }
    }

    /** A finding: the problem with its icon, the fix under it (labels in a VBox wrap to the pane's width). */
    private static VBox finding(String style, Icons icon, String problem, String fix) {
        Label p = new Label(problem, icon.create());
        p.setWrapText(true);
        p.setGraphicTextGap(8);
        VBox box = new VBox(2, p);
        if (fix != null && !fix.isBlank()) {
            Label f = new Label(Messages.format("detail.readiness.fix", fix));
            f.setWrapText(true);
            f.getStyleClass().add("fix");
            f.setPadding(new Insets(0, 0, 0, 24));
            box.getChildren().add(f);
        }
        box.getStyleClass().addAll("finding", style);
        return box;
    }

    /** Marks a value the engagement needs as missing (shown, in the error colour), rather than leaving its row out. */
    private static final String MISSING = "\u0000missing";

    private static String missingIfBlank(String value) { return value == null || value.isBlank() ? MISSING : value; }

    private static void fill(GridPane grid, String... keysAndValues) {
        int rows = FieldGrid.fill(grid, (key, value) -> MISSING.equals(value) ? missing(key) : value(value), keysAndValues);
        if (rows == 0) grid.addRow(0, placeholder(Messages.get("detail.nothing")));
    }

    private static Label missing(String key) {
        Label v = new Label(Messages.get("detail.missing"));
        v.getStyleClass().add("missing");
        v.setId("missing-" + key.substring(key.lastIndexOf('.') + 1));
        return v;
    }

    /**
     * A field's value: wrapped to the pane's width, except a web address, which has no spaces to wrap at (it broke
     * mid-name). That one stays on one line without its scheme, shortened in the middle if the pane is narrow, with
     * the whole address in its tooltip.
     */
    private static Label value(String value) {
        if (!value.matches("(?i)https?://\\S+")) {
            Label v = new Label(value);
            v.setWrapText(true);
            return v;
        }
        Label v = new Label(value.replaceFirst("(?i)^https?://", ""));
        v.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        v.setMinWidth(0);
        v.setTooltip(new javafx.scene.control.Tooltip(value));
        v.setAccessibleText(value);
        v.getStyleClass().add("web-address");
        return v;
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("placeholder");
        return l;
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
    }

    private static void bindShown(javafx.scene.Node n, boolean shown) {
        n.managedProperty().bind(n.visibleProperty());
        n.setVisible(shown);
    }

    private static void show(javafx.scene.Node n, boolean shown) { n.setVisible(shown); }
}
