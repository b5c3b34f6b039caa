package app.cosell.ui.main;

import app.cosell.ui.common.Messages;
import app.cosell.ui.invitations.InboxController;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The main window's two tabs: the opportunities, and the AWS referrals inbox with its count of pending referrals. */
final class MainTabsView {

    private final TabPane tabs;
    private final Tab opportunitiesTab;

    /** Puts {@code opportunities} (the list and its detail pane) and {@code inbox}'s view on two tabs. FX thread. */
    MainTabsView(Node opportunities, InboxController inbox) {
        opportunitiesTab = new Tab(Messages.get("main.tab.opportunities"), opportunities);
        opportunitiesTab.setId("opportunitiesTab");
        Tab referralsTab = new Tab(Messages.get("main.tab.referrals"), inbox.load());
        referralsTab.setId("referralsTab");
        var model = inbox.model();
        Label badgeCount = new Label();
        badgeCount.setId("referralsBadge");
        badgeCount.getStyleClass().add("count-badge");
        badgeCount.textProperty().bind(model.pendingCountProperty().asString());
        badgeCount.visibleProperty().bind(model.pendingCountProperty().greaterThan(0));
        // Pending referrals that expire within 48 h turn the badge urgent.
        model.urgentCountProperty().addListener((o, a, n) -> {
            badgeCount.getStyleClass().remove("urgent");
            if (n.intValue() > 0) badgeCount.getStyleClass().add("urgent");
        });
        referralsTab.setGraphic(badgeCount);
        model.pendingCountProperty().addListener((o, a, n) -> referralsTab.getGraphic()
                .setAccessibleText(Messages.format("main.tab.referrals.accessible", n)));
        tabs = new TabPane(opportunitiesTab, referralsTab);
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    TabPane pane() { return tabs; }

    /** Brings the opportunities tab forward. */
    void showOpportunities() { tabs.getSelectionModel().select(opportunitiesTab); }
}
