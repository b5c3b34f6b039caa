package app.cosell.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.engagement.ReviewChange;
import app.cosell.model.ReviewStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ChangeAlertsModelTest {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("app.cosell.i18n.messages");

    private static ReviewChange approved(String id) {
        return new ReviewChange(id, "Acme", Instant.parse("2026-12-01T10:00:00Z"), ReviewStatus.IN_REVIEW,
                ReviewStatus.APPROVED, "In Progress", "Seller Engaged", null, "alex@amazon.example.com");
    }

    @Test
    void pollsEveryIntervalAndRaisesTheBadgeAndANotificationForNews() {
        Deque<List<ReviewChange>> polls = new ArrayDeque<>(List.of(List.of(), List.of(approved("O1"), approved("O2"))));
        ChangeAlertsModel.Watcher watcher = new ChangeAlertsModel.Watcher() {
            @Override public List<ReviewChange> poll() { return polls.isEmpty() ? List.of() : polls.poll(); }
            @Override public List<ReviewChange> recent() { return List.of(); }
            @Override public Instant since() { return Instant.parse("2026-11-30T08:00:00Z"); }
        };
        ManualBackground background = new ManualBackground();
        ChangeAlertsModel model = new ChangeAlertsModel(watcher, background, Duration.ofMinutes(5), MESSAGES);
        List<List<String>> notified = new ArrayList<>();
        model.setNotifier(notified::add);

        model.start();
        assertThat(model.sinceProperty().get()).startsWith("Changes since");
        assertThat(model.unseenProperty().get()).isZero();
        assertThat(background.delays).containsExactly(Duration.ofMinutes(5));

        background.passTime();
        assertThat(model.unseenProperty().get()).isEqualTo(2);
        assertThat(model.changes()).extracting(ReviewChange::opportunityId).containsExactly("O2", "O1");
        assertThat(notified).singleElement().satisfies(texts -> assertThat(texts.getFirst())
                .contains("O1").contains(MESSAGES.getString("review.status.APPROVED")));

        model.markSeen();
        assertThat(model.unseenProperty().get()).isZero();
    }

    @Test
    void aFailedPollTriesAgainAtTheNextInterval() {
        ChangeAlertsModel.Watcher watcher = new ChangeAlertsModel.Watcher() {
            @Override public List<ReviewChange> poll() { throw new IllegalStateException("Not connected"); }
            @Override public List<ReviewChange> recent() { return List.of(); }
            @Override public Instant since() { return null; }
        };
        ManualBackground background = new ManualBackground();
        ChangeAlertsModel model = new ChangeAlertsModel(watcher, background, Duration.ofMinutes(5), MESSAGES);
        model.start();
        assertThat(background.later).hasSize(1);
        assertThat(model.sinceProperty().get()).isEqualTo(MESSAGES.getString("alerts.none"));
    }
}
