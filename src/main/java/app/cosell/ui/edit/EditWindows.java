package app.cosell.ui.edit;

import app.cosell.model.EditScope;
import app.cosell.model.Opportunity;
import app.cosell.ui.common.Background;
import app.cosell.ui.common.Messages;
import app.cosell.ui.common.Views;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The editor windows of this session, one per opportunity: {@link #open} shows one (or brings it forward), a save
 * tells the listeners (the detail pane shows the fresh record), and "Start engagement" hands the saved opportunity
 * on and closes the editor.
 */
public final class EditWindows implements OpportunityEditor {

    private final Supplier<Window> owner;
    private final Background background;
    private final OpportunityEditModel.Services services;
    private final Supplier<LocalDate> today;
    private final Map<String, Stage> open = new HashMap<>();
    private final List<Consumer<Opportunity>> savedListeners = new CopyOnWriteArrayList<>();
    private Consumer<Opportunity> startEngagement = o -> {};

    public EditWindows(Supplier<Window> owner, Background background, OpportunityEditModel.Services services,
                       Supplier<LocalDate> today) {
        this.owner = owner;
        this.background = background;
        this.services = services;
        this.today = today;
    }

    /** Where "Start engagement" goes once the saved opportunity is ready (the Start form). */
    public void setOnStartEngagement(Consumer<Opportunity> start) { this.startEngagement = start; }

    /** Called on the FX thread with each saved record. */
    public void addSavedListener(Consumer<Opportunity> listener) { savedListeners.add(listener); }

    @Override
    public void open(String opportunityId, EditScope scope) {
        Stage stage = open.get(opportunityId);
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            stage.requestFocus();
            return;
        }
        OpportunityEditModel model = new OpportunityEditModel(services, background, opportunityId, scope, today);
        Stage window = new Stage();
        OpportunityEditController controller = new OpportunityEditController(model, new OpportunityEditController.Host() {
            @Override public void startEngagement() {
                Opportunity saved = model.baseProperty().get();
                window.hide();
                startEngagement.accept(saved);
            }
            @Override public void close() { window.hide(); }
        });
        Parent root = Views.load("/app/cosell/ui/edit/OpportunityEdit.fxml", controller);
        Window o = owner.get();
        if (o != null) window.initOwner(o);
        window.setTitle(MessageFormat.format(Messages.get("edit.title"), opportunityId));
        Scene scene = new Scene(root);
        if (o != null && o.getScene() != null) scene.getStylesheets().addAll(o.getScene().getStylesheets());
        scene.getStylesheets().add(getClass().getResource("/app/cosell/ui/edit/edit.css").toExternalForm());
        window.setScene(scene);
        window.setMinWidth(520);
        window.setMinHeight(420);
        fitToScreen(window, root, o);
        window.setUserData(controller);
        model.lastSavedProperty().addListener((obs, was, saved) -> {
            if (saved != null) for (Consumer<Opportunity> l : savedListeners) l.accept(saved);
        });
        open.put(opportunityId, window);
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> open.remove(opportunityId, window));
        window.show();
        model.load();
    }

    /** The editor's preferred size, but never taller or wider than the screen it opens on (960×640 included). */
    private static void fitToScreen(Stage window, Parent root, Window owner) {
        Screen screen = owner == null ? Screen.getPrimary()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                        Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()))
                .stream().findFirst().orElse(Screen.getPrimary());
        Rectangle2D bounds = screen.getVisualBounds();
        window.setWidth(Math.max(window.getMinWidth(), Math.min(root.prefWidth(-1), bounds.getWidth())));
        window.setHeight(Math.max(window.getMinHeight(), Math.min(root.prefHeight(-1), bounds.getHeight())));
    }

    /** The open editor of an opportunity (tests). */
    public Optional<Stage> window(String opportunityId) {
        return Optional.ofNullable(open.get(opportunityId)).filter(Stage::isShowing);
    }
}
