package app.cosell.ui.invitations;

import app.cosell.model.Money;
import app.cosell.model.ReceivedInvitation;
import app.cosell.model.TaskProgress;
import app.cosell.ui.common.ErrorPresenter;
import app.cosell.ui.common.Formats;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.Toasts;
import app.cosell.ui.common.Views;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.Notifications;

/**
 * The inbox view (Inbox.fxml) wired to its {@link InboxModel}: the table with countdowns (urgent rows marked), the
 * status filter, the detail of the selected invitation, Accept (confirm, then the live progress) and Reject (a
 * reason, confirm), and the notifications of new and soon-expiring referrals. Decisions live in the model and the
 * guard; this class turns clicks into calls.
 */
public final class InboxController {

    /** What answering an invitation does, provided by the main window (the engagement screens run the task). */
    public interface Answers {
        /** Starts accepting {@code invitation}, its progress shown live. */
        void accept(ReceivedInvitation invitation);

        /** Follows again the unfinished acceptance {@code existing} of {@code invitation}. */
        void resume(TaskProgress existing, ReceivedInvitation invitation);

        /** Rejects {@code invitation} with {@code reason}. */
        void reject(ReceivedInvitation invitation, String reason);
    }

    /** Reasons offered for a rejection (the API takes free text, 1 to 80 characters; these are suggestions). */
    static final List<String> SUGGESTED_REASONS = List.of("inbox.reason.region", "inbox.reason.capacity",
            "inbox.reason.fit", "inbox.reason.customer");

    private final InboxModel model;
    private final Answers answers;
    private final Supplier<Window> owner;
    private final ErrorPresenter errors;
    private Consumer<String> notified = t -> {};

    @FXML private BorderPane root;
    @FXML private ComboBox<String> statusFilter;
    @FXML private Label summaryLabel;
    @FXML private TableView<ReceivedInvitation> table;
    @FXML private TableColumn<ReceivedInvitation, String> senderColumn;
    @FXML private TableColumn<ReceivedInvitation, String> titleColumn;
    @FXML private TableColumn<ReceivedInvitation, String> industryColumn;
    @FXML private TableColumn<ReceivedInvitation, String> countryColumn;
    @FXML private TableColumn<ReceivedInvitation, String> spendColumn;
    @FXML private TableColumn<ReceivedInvitation, String> receivedColumn;
    @FXML private TableColumn<ReceivedInvitation, String> expiresColumn;
    @FXML private TableColumn<ReceivedInvitation, String> statusColumn;
    @FXML private VBox detail;
    @FXML private Label detailTitle;
    @FXML private Label detailStatus;
    @FXML private Button acceptButton;
    @FXML private Button rejectButton;
    @FXML private GridPane facts;

    public InboxController(InboxModel model, Answers answers, Supplier<Window> owner, ErrorPresenter errors) {
        this.model = Objects.requireNonNull(model);
        this.answers = Objects.requireNonNull(answers);
        this.owner = Objects.requireNonNull(owner);
        this.errors = Objects.requireNonNull(errors);
    }

    /** Builds the view. */
    public BorderPane load() {
        return Views.load("/app/cosell/ui/invitations/Inbox.fxml", this);
    }

    public InboxModel model() { return model; }

    /** Also tells {@code listener} the text of each notification shown (tests, an activity log). */
    public void setOnNotified(Consumer<String> listener) { this.notified = Objects.requireNonNull(listener); }

    @FXML
    private void initialize() {
        List<String> filters = new ArrayList<>();
        filters.add(null);
        filters.addAll(ReceivedInvitation.STATUSES);
        statusFilter.getItems().setAll(filters);
        statusFilter.setConverter(new StringConverter<>() {
            @Override public String toString(String s) { return s == null ? Messages.get("inbox.filter.all") : status(s); }
            @Override public String fromString(String s) { return null; }
        });
        statusFilter.valueProperty().bindBidirectional(model.statusFilterProperty());

        table.setItems(model.shown());
        text(senderColumn, i -> i.senderCompanyName());
        text(titleColumn, ReceivedInvitation::title);
        text(industryColumn, i -> i.customer() == null ? "" : i.customer().industry());
        text(countryColumn, i -> i.customer() == null ? "" : i.customer().countryCode());
        text(spendColumn, i -> spend(i.expectedSpend()));
        text(receivedColumn, i -> Formats.day(i.invitationDate()));
        text(expiresColumn, this::expires);
        text(statusColumn, i -> status(i.status()));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ReceivedInvitation item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("urgent");
                if (!empty && item != null && model.isUrgent(item)) getStyleClass().add("urgent");
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> { if (b != null) model.selectedProperty().set(b); });
        model.selectedProperty().addListener((o, a, b) -> showDetail(b));
        showDetail(model.selectedProperty().get());

        summaryLabel.textProperty().bind(Bindings.createStringBinding(() ->
                Messages.format("inbox.summary", model.pendingCountProperty().get(), model.urgentCountProperty().get()),
                model.pendingCountProperty(), model.urgentCountProperty()));
        model.failureProperty().addListener((o, a, e) -> { if (e != null) errors.show(Messages.get("inbox.error.load"), e); });
        model.setOnArrived(this::notifyArrived);
        model.setOnExpiringSoon(this::notifyExpiringSoon);
        // The countdowns move on while the inbox is open.
        Timeline minute = new Timeline(new KeyFrame(
                Duration.seconds(30), e -> table.refresh()));
        minute.setCycleCount(Animation.INDEFINITE);
        minute.play();
    }

    @FXML
    private void refresh() { model.refresh(); }

    private void showDetail(ReceivedInvitation i) {
        facts.getChildren().clear();
        boolean answerable = model.canAnswer(i);
        acceptButton.setDisable(!answerable);
        rejectButton.setDisable(!answerable);
        if (i == null) {
            detailTitle.setText(Messages.get("inbox.detail.none"));
            detailStatus.setText(null);
            return;
        }
        detailTitle.setText(i.title());
        String left = model.countdown(i);
        detailStatus.setText(status(i.status()) + (left.isEmpty() ? "" : " \u00b7 " + Messages.format("inbox.expiresIn", left)));
        detailStatus.getStyleClass().remove("urgent");
        if (model.isUrgent(i)) detailStatus.getStyleClass().add("urgent");
        int r = 0;
        r = fact(r, "inbox.fact.sender", i.senderCompanyName() + (i.senderAwsAccountId() == null ? "" : " (" + i.senderAwsAccountId() + ")"));
        r = fact(r, "inbox.fact.message", i.message());
        if (i.customer() != null) {
            r = fact(r, "inbox.fact.customer", i.customer().companyName());
            r = fact(r, "inbox.fact.industry", i.customer().industry());
            r = fact(r, "inbox.fact.country", i.customer().countryCode());
            r = fact(r, "inbox.fact.website", i.customer().websiteUrl());
            r = fact(r, "inbox.fact.contacts", Messages.get("inbox.fact.contacts.hidden"));
        }
        if (i.project() != null) {
            r = fact(r, "inbox.fact.project", i.project().title());
            r = fact(r, "inbox.fact.problem", i.project().businessProblem());
            r = fact(r, "inbox.fact.target", Formats.date(i.project().targetCompletionDate()));
            r = fact(r, "inbox.fact.spend", spend(i.expectedSpend()));
        }
        r = fact(r, "inbox.fact.responsibilities", String.join(", ", i.receiverResponsibilities()));
        for (ReceivedInvitation.Contact c : i.senderContacts()) {
            r = fact(r, "inbox.fact.senderContact", c.name() + (c.businessTitle() == null ? "" : ", " + c.businessTitle())
                    + (c.email() == null ? "" : " \u00b7 " + c.email()) + (c.phone() == null ? "" : " \u00b7 " + c.phone()));
        }
        r = fact(r, "inbox.fact.members", String.join(", ", i.existingMembers()));
        r = fact(r, "inbox.fact.received", Formats.dateTime(i.invitationDate()));
        r = fact(r, "inbox.fact.expires", Formats.dateTime(i.expirationDate()));
        r = fact(r, "inbox.fact.description", i.engagementDescription());
        r = fact(r, "inbox.fact.rejectionReason", i.rejectionReason());
        r = fact(r, "inbox.fact.engagement", i.engagementId());
        fact(r, "inbox.fact.id", i.id());
    }

    private int fact(int row, String key, String value) {
        if (value == null || value.isBlank()) return row;
        Label name = new Label(Messages.get(key));
        name.getStyleClass().add("id-name");
        Label v = new Label(value);
        v.setWrapText(true);
        v.setId("fact-" + key.substring(key.lastIndexOf('.') + 1));
        v.setAccessibleText(Messages.get(key) + ": " + value);
        facts.addRow(row, name, v);
        return row + 1;
    }

    @FXML
    private void accept() {
        ReceivedInvitation i = model.selectedProperty().get();
        if (!model.canAnswer(i)) return;
        acceptButton.setDisable(true);
        model.checkAccept(i, d -> {
            showDetail(model.selectedProperty().get());
            switch (d.verdict()) {
                case REFUSED -> info(Messages.get("inbox.refused.title"), d.reason());
                case RESUME -> answers.resume(d.existing(), i);
                case GO -> {
                    ButtonType go = new ButtonType(Messages.get("inbox.accept.confirm"), ButtonBar.ButtonData.OK_DONE);
                    Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Messages.format("inbox.accept.question",
                            i.title(), i.customer() == null ? "" : i.customer().companyName(), i.id()), go, ButtonType.CANCEL);
                    confirm.initOwner(owner.get());
                    confirm.setTitle(Messages.get("inbox.accept.title"));
                    confirm.setHeaderText(Messages.format("inbox.accept.header", i.title()));
                    confirm.getDialogPane().setId("acceptConfirm");
                    confirm.showAndWait().filter(b -> b == go).ifPresent(b -> answers.accept(i));
                }
            }
        }, e -> {
            showDetail(model.selectedProperty().get());
            errors.show(Messages.get("inbox.error.check"), e);
        });
    }

    @FXML
    private void reject() {
        ReceivedInvitation i = model.selectedProperty().get();
        if (!model.canAnswer(i)) return;
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(Messages.get("inbox.reject.title"));
        dialog.setHeaderText(Messages.format("inbox.reject.header", i.title()));
        ComboBox<String> reason = new ComboBox<>();
        reason.setId("rejectReason");
        reason.setEditable(true);
        SUGGESTED_REASONS.forEach(k -> reason.getItems().add(Messages.get(k)));
        reason.setPrefWidth(420);
        Label hint = new Label(Messages.get("inbox.reject.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, new Label(Messages.get("inbox.reject.reason")), reason, hint));
        dialog.getDialogPane().setId("rejectDialog");
        ButtonType go = new ButtonType(Messages.get("inbox.reject.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        Node goButton = dialog.getDialogPane().lookupButton(go);
        ObservableValue<String> typed = reason.getEditor().textProperty();
        goButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !RejectionReasons.isValid(typed.getValue()), typed));
        dialog.setResultConverter(b -> b == go ? typed.getValue().strip() : null);
        dialog.showAndWait().ifPresent(text -> model.checkReject(i, d -> {
            if (d.refused()) info(Messages.get("inbox.refused.title"), d.reason());
            else answers.reject(i, text);
        }, e -> errors.show(Messages.get("inbox.error.check"), e)));
    }

    private void info(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setId("inboxRefused");
        a.show();
    }

    private void notifyArrived(List<ReceivedInvitation> arrived) {
        ReceivedInvitation first = arrived.getFirst();
        String text = arrived.size() == 1
                ? Messages.format("inbox.notify.arrived.one", first.title(), model.countdown(first))
                : Messages.format("inbox.notify.arrived.many", arrived.size());
        notify(Messages.get("inbox.notify.arrived.title"), text, true);
    }

    private void notifyExpiringSoon(List<ReceivedInvitation> soon) {
        notify(Messages.get("inbox.notify.expiring.title"), Messages.format("inbox.notify.expiring", soon.size(),
                soon.getFirst().title(), model.countdown(soon.getFirst())), false);
    }

    private void notify(String title, String text, boolean information) {
        notified.accept(text);
        Window o = owner.get();
        if (o == null || !o.isShowing()) return;
        Toasts.whenNoDialogOver(o, () -> {
            Notifications n = Notifications.create().title(title).text(text).owner(o).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(12));
            if (information) n.showInformation();
            else n.showWarning();
        });
    }

    private String expires(ReceivedInvitation i) {
        String left = model.countdown(i);
        String date = Formats.day(i.expirationDate());
        if (left.isEmpty()) return date;
        return Messages.format(model.isUrgent(i) ? "inbox.expires.urgent" : "inbox.expires", date, left);
    }

    private static String status(String s) {
        if (s == null) return "";
        String key = "inbox.status." + s;
        return Messages.bundle().containsKey(key) ? Messages.get(key) : s;
    }

    private static String spend(Money m) {
        return m == null || m.amount() == null ? "" : Messages.format("inbox.spend.monthly", Formats.money(m));
    }

    private static void text(TableColumn<ReceivedInvitation, String> column, Function<ReceivedInvitation, String> value) {
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    }
}
