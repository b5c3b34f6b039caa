package app.cosell.ui.engage;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.files.AppJson;
import app.cosell.model.InvolvementType;
import app.cosell.model.Tag;
import app.cosell.model.Visibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormDraftsTest {

    @TempDir Path folder;

    @Test
    void aDraftSurvivesARestartOfTheApp() {
        var json = AppJson.newMapper();
        FormDrafts first = FormDrafts.stored(folder, json, Runnable::run);
        first.put(FormDrafts.key("Sandbox", "O1"), new FormDraft(InvolvementType.FOR_VISIBILITY_ONLY, Visibility.LIMITED,
                List.of(new Tag("team", "East"))));

        FormDrafts second = FormDrafts.stored(folder, json, Runnable::run);

        assertThat(Files.exists(folder.resolve(FormDrafts.FILE_NAME))).isTrue();
        assertThat(second.find("Sandbox/O1")).hasValueSatisfying(d -> {
            assertThat(d.involvementType()).isEqualTo(InvolvementType.FOR_VISIBILITY_ONLY);
            assertThat(d.visibility()).isEqualTo(Visibility.LIMITED);
            assertThat(d.tags()).containsExactly(new Tag("team", "East"));
        });

        second.remove("Sandbox/O1");
        assertThat(FormDrafts.stored(folder, json, Runnable::run).find("Sandbox/O1")).isEmpty();
    }
}
