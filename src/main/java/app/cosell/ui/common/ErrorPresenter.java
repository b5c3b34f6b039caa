package app.cosell.ui.common;

import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures reach the rep: a dialog with a readable message, what to do, and "Copy details". The
 * stack trace goes to the log only. Not modal-blocking: {@link #show} returns at once.
 */
public final class ErrorPresenter {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPresenter.class);

    private final Supplier<Window> owner;
    private LogTailSource logTail = LogTailSource.NONE;

    public ErrorPresenter(Supplier<Window> owner) { this.owner = owner; }

    /** Where "Copy details" gets the log's last lines from (none by default). */
    public void setLogTail(LogTailSource logTail) { this.logTail = logTail == null ? LogTailSource.NONE : logTail; }

    /** What "Copy details" puts on the clipboard: the report's details, then the log's last lines when there are any. */
    static String supportText(ErrorReport report, String tail) {
        String text = report.headline() + "\n" + report.details();
        return tail == null || tail.isBlank() ? text : text + "\n\n" + Messages.get("error.details.logTail") + ":\n" + tail;
    }

    /** Shows {@code error}, which happened while doing {@code headline} (a sentence from the message bundle). */
    public void show(String headline, Throwable error) {
        LOG.warn("{} failed", headline, error);
        show(ErrorReport.of(headline, error));
    }

    public void show(ErrorReport report) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(Messages.get("error.title"));
        dialog.setHeaderText(report.headline());
        dialog.setGraphic(Icons.ERROR.create());
        dialog.getDialogPane().getStyleClass().add("error-dialog");

        Label message = new Label(report.message());
        message.setWrapText(true);
        message.setId("errorMessage");
        message.getStyleClass().add("error-message");
        Label hint = new Label(report.hint());
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        TextArea details = new TextArea(report.details());
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(7);
        details.setAccessibleText(Messages.get("error.details"));
        TitledPane detailsPane = new TitledPane(Messages.get("error.details"), details);
        detailsPane.setExpanded(false);
        detailsPane.setAnimated(false);
        String prefix = Messages.get("error.details.supportCode") + ": ";
        Label code = new Label(report.details().lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(""));
        code.setId("errorCode");
        code.getStyleClass().add(Styles.TEXT_MUTED);
        VBox content = new VBox(10, message, hint, code, detailsPane);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);

        ButtonType copy = new ButtonType(Messages.get("error.copy"), ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) dialog.getDialogPane().lookupButton(copy);
        copyButton.setId("copyDetails");
        copyButton.setGraphic(Icons.COPY.create());
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // keep the dialog open
            logTail.read(tail -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(supportText(report, tail));
                Clipboard.getSystemClipboard().setContent(c);
                copyButton.setText(Messages.get("error.copied"));
            });
        });
        dialog.getDialogPane().getScene().getStylesheets().setAll(owner.get() == null
                ? dialog.getDialogPane().getScene().getStylesheets()
                : owner.get().getScene().getStylesheets());
        dialog.show();
    }
}
