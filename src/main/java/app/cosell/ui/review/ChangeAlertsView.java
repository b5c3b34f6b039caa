package app.cosell.ui.review;

import app.cosell.engagement.ReviewChange;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.Toasts;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The alerts in the main window: a status-bar button with the badge of unseen changes that opens the "Changes
 * since" list (choosing one opens that opportunity), and a notification when a poll finds changes.
 */
public final class ChangeAlertsView {

    private final ChangeAlertsModel model;
    private final Supplier<Window> owner;
    private final Consumer<String> openOpportunity;
    private final Button button = new Button();
    private final Tooltip tooltip = new Tooltip();
    private Consumer<String> notified = text -> {};

    public ChangeAlertsView(ChangeAlertsModel model, Supplier<Window> owner, Consumer<String> openOpportunity) {
        this.model = model;
        this.owner = owner;
        this.openOpportunity = openOpportunity;
        button.setId("alertsButton");
        // Same size as the tasks indicator beside it in the status bar, with an icon so it reads as a button.
        button.getStyleClass().add(Styles.FLAT);
        button.setGraphic(Icons.CLOUD.create());
        button.setTooltip(tooltip);
        model.unseenProperty().addListener(o -> showBadge());
        showBadge();
        button.setOnAction(e -> showList());
        model.setNotifier(this::notifyRep);
    }

    public Button button() { return button; }

    public ChangeAlertsModel model() { return model; }

    /** Also tells {@code listener} the text of each notification shown (tests, an activity log). */
    public void setOnNotified(Consumer<String> listener) { this.notified = listener; }

    private void showBadge() {
        int n = model.unseenProperty().get();
        button.setText(Messages.get("alerts.button") + (n == 0 ? "" : " (" + n + ")"));
        button.getStyleClass().remove(Styles.ACCENT);
        if (n > 0) button.getStyleClass().add(Styles.ACCENT);
        button.setAccessibleText(Messages.format("alerts.badge.accessible", n));
        tooltip.setText(button.getAccessibleText());
    }

    private void showList() {
        ContextMenu menu = new ContextMenu();
        MenuItem heading = new CustomMenuItem(new Label(model.sinceProperty().get()), false);
        heading.setDisable(true);
        menu.getItems().addAll(heading, new SeparatorMenuItem());
        if (model.changes().isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("alerts.none"));
            none.setDisable(true);
            menu.getItems().add(none);
        }
        for (ReviewChange c : model.changes().stream().limit(30).toList()) {
            MenuItem item = new MenuItem(model.describe(c));
            item.setOnAction(e -> openOpportunity.accept(c.opportunityId()));
            menu.getItems().add(item);
        }
        MenuItem clear = new MenuItem(Messages.get("alerts.clear"));
        clear.setOnAction(e -> model.markSeen());
        menu.getItems().addAll(new SeparatorMenuItem(), clear);
        menu.show(button, Side.TOP, 0, 0);
        model.markSeen();
    }

    private void notifyRep(List<String> texts) {
        String text = String.join("\n", texts.size() > 5 ? texts.subList(0, 5) : texts)
                + (texts.size() > 5 ? "\n\u2026" : "");
        notified.accept(text);
        Window o = owner.get();
        if (o == null || !o.isShowing()) return;
        Toasts.whenNoDialogOver(o, () -> Notifications.create().title(Messages.get("alerts.title")).text(text).owner(o)
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(12)).onAction(e -> showList()).showInformation());
    }
}
