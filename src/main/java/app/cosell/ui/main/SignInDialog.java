package app.cosell.ui.main;

import app.cosell.ui.common.Background;
import app.cosell.ui.common.ErrorPresenter;
import app.cosell.ui.common.Icons;
import app.cosell.ui.common.Messages;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The browser sign-in to IAM Identity Center: shows the code to confirm, opens the page, waits (spinner) and offers
 * "Open page again", "Copy code" and Cancel. On success the main window connects again.
 */
public final class SignInDialog {

    private final Window owner;
    private final SignInService service;
    private final Background background;
    private final ErrorPresenter errors;
    private final Consumer<String> openInBrowser;
    private SignInService.Attempt attempt;
    private boolean cancelled;

    public SignInDialog(Window owner, SignInService service, Background background, ErrorPresenter errors,
                        Consumer<String> openInBrowser) {
        this.owner = owner;
        this.service = service;
        this.background = background;
        this.errors = errors;
        this.openInBrowser = openInBrowser;
    }

    /** Signs in for {@code profile}; {@code onSignedIn} runs on the FX thread after success. */
    public void show(String profile, Runnable onSignedIn) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("signIn.title"));
        dialog.setHeaderText(Messages.format("signIn.header", profile));
        dialog.getDialogPane().setId("signInDialog");
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());

        Label code = new Label("…");
        code.setId("signInCode");
        code.getStyleClass().addAll(Styles.TITLE_2);
        Label steps = new Label(Messages.get("signIn.starting"));
        steps.setWrapText(true);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        Label waiting = new Label(Messages.get("signIn.waiting"), spinner);
        Button openAgain = new Button(Messages.get("signIn.openAgain"), Icons.OPEN.create());
        Button copy = new Button(Messages.get("signIn.copyCode"), Icons.COPY.create());
        openAgain.setDisable(true);
        copy.setDisable(true);
        HBox actions = new HBox(8, openAgain, copy);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(12, steps, code, actions, waiting);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("signIn.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setOnHidden(e -> {
            cancelled = true;
            if (attempt != null) attempt.close();
        });

        background.run(() -> service.begin(profile), started -> {
            attempt = started;
            if (cancelled) {
                started.close();
                return;
            }
            code.setText(started.userCode());
            steps.setText(Messages.get("signIn.steps"));
            openAgain.setDisable(false);
            copy.setDisable(false);
            openAgain.setOnAction(e -> openInBrowser.accept(started.pageToOpen().toString()));
            copy.addEventFilter(ActionEvent.ACTION, e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(started.userCode());
                Clipboard.getSystemClipboard().setContent(c);
            });
            openInBrowser.accept(started.pageToOpen().toString());
            background.run(() -> {
                started.awaitToken();
                return true;
            }, ok -> {
                started.close();
                if (cancelled) return;
                dialog.close();
                onSignedIn.run();
            }, error -> {
                started.close();
                if (cancelled) return;
                dialog.close();
                errors.show(Messages.get("error.action.signIn"), error);
            });
        }, error -> {
            if (cancelled) return;
            dialog.close();
            errors.show(Messages.get("error.action.signIn"), error);
        });
        dialog.show();
    }
}
