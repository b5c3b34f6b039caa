package app.cosell.ui.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.engagement.InvitationReplies;
import app.cosell.model.Catalog;
import app.cosell.model.Money;
import app.cosell.model.ReceivedInvitation;
import app.cosell.ui.common.Background;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The inbox's state and decisions, without a toolkit: counts, urgency, countdowns, filter, arrivals. */
class InboxModelTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** An in-memory inbox: what the service would list, and how many detail reads were made. */
    static final class Inbox implements InboxModel.Source {
        final List<ReceivedInvitation> invitations = new CopyOnWriteArrayList<>();
        int detailReads;

        @Override public List<ReceivedInvitation> list() {
            return invitations.stream().map(i -> new ReceivedInvitation(i.catalog(), i.id(), i.arn(), i.engagementId(),
                    i.title(), i.status(), i.invitationDate(), i.expirationDate(), i.senderAwsAccountId(),
                    i.senderCompanyName(), i.payloadType(), false, null, null, null, null, null, List.of(), List.of(),
                    List.of())).toList();
        }

        @Override public ReceivedInvitation detail(String id) {
            detailReads++;
            return invitations.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        }

        @Override public InvitationReplies.Decision checkAccept(String id) {
            return new InvitationReplies.Decision(InvitationReplies.Verdict.GO, detail(id), null, null);
        }

        @Override public InvitationReplies.Decision checkReject(String id) {
            return new InvitationReplies.Decision(InvitationReplies.Verdict.GO, detail(id), null, null);
        }
    }

    static ReceivedInvitation invitation(String id, String status, Duration expiresIn, String industry) {
        return new ReceivedInvitation(Catalog.Sandbox, id, "arn:" + id, "eng-00000000000001", "Title " + id, status,
                NOW.minus(Duration.ofDays(2)), NOW.plus(expiresIn), "aws", "AWS", "OpportunityInvitation", true,
                "Please co-sell", "desc", null, new ReceivedInvitation.Customer("Acme", industry, "US", "https://acme.example.com"),
                new ReceivedInvitation.Project("Title " + id, "A business problem of twenty chars", null,
                        List.of(new Money(new BigDecimal("5000"), "USD"))), List.of("Services Partner"), List.of(), List.of());
    }

    @Test
    void countsPendingAndUrgentAndKeepsTheDetailAcrossReads() {
        Inbox source = new Inbox();
        source.invitations.add(invitation("engi-a", "PENDING", Duration.ofHours(20), "Retail"));
        source.invitations.add(invitation("engi-b", "PENDING", Duration.ofDays(6), "Healthcare"));
        source.invitations.add(invitation("engi-c", "EXPIRED", Duration.ofDays(-1), "Retail"));
        source.invitations.add(invitation("engi-d", "PENDING", Duration.ofHours(-1), "Retail"));
        InboxModel model = new InboxModel(source, Background.DIRECT, clock);
        List<List<ReceivedInvitation>> soon = new ArrayList<>();
        model.setOnExpiringSoon(soon::add);

        model.refresh();

        assertThat(model.all()).hasSize(4).allMatch(ReceivedInvitation::detailed);
        assertThat(model.pendingCountProperty().get()).as("a lapsed pending one does not count").isEqualTo(2);
        assertThat(model.urgentCountProperty().get()).isEqualTo(1);
        assertThat(soon).singleElement().satisfies(l -> assertThat(l).extracting(ReceivedInvitation::id).containsExactly("engi-a"));
        assertThat(model.expiringAtLaunchProperty().get()).extracting(ReceivedInvitation::id).containsExactly("engi-a");
        assertThat(model.countdown(model.all().get(0))).isEqualTo("20h 0m");
        assertThat(model.countdown(model.all().get(1))).isEqualTo("6d 0h");
        assertThat(model.countdown(model.all().get(2))).isEmpty();
        assertThat(model.canAnswer(model.all().get(3))).isFalse();
        assertThat(model.all().get(0).customer().industry()).isEqualTo("Retail");

        source.invitations.set(0, invitation("engi-a", "ACCEPTED", Duration.ofHours(20), "Retail"));
        model.refresh();
        assertThat(source.detailReads).as("details are read once").isEqualTo(4);
        assertThat(model.all().get(0).status()).isEqualTo("ACCEPTED");
        assertThat(model.all().get(0).customer()).isNotNull();
        assertThat(model.pendingCountProperty().get()).isEqualTo(1);
    }

    @Test
    void theFilterShowsOneStatus() {
        Inbox source = new Inbox();
        source.invitations.add(invitation("engi-a", "PENDING", Duration.ofDays(3), "Retail"));
        source.invitations.add(invitation("engi-b", "REJECTED", Duration.ofDays(3), "Retail"));
        InboxModel model = new InboxModel(source, Background.DIRECT, clock);
        model.refresh();

        model.statusFilterProperty().set("REJECTED");
        assertThat(model.shown()).extracting(ReceivedInvitation::id).containsExactly("engi-b");
        model.statusFilterProperty().set(null);
        assertThat(model.shown()).hasSize(2);
    }

    @Test
    void aNewPendingInvitationIsAnnouncedOnceButNotAtTheFirstLoad() {
        Inbox source = new Inbox();
        source.invitations.add(invitation("engi-a", "PENDING", Duration.ofDays(3), "Retail"));
        InboxModel model = new InboxModel(source, Background.DIRECT, clock);
        List<List<ReceivedInvitation>> arrived = new ArrayList<>();
        model.setOnArrived(arrived::add);
        model.refresh();
        assertThat(arrived).isEmpty();

        source.invitations.addFirst(invitation("engi-new", "PENDING", Duration.ofDays(15), "Retail"));
        model.refresh();
        model.refresh();

        assertThat(arrived).singleElement().satisfies(l -> assertThat(l).extracting(ReceivedInvitation::id)
                .containsExactly("engi-new"));
        assertThat(model.pendingCountProperty().get()).isEqualTo(2);
    }

    @Test
    void aRejectionReasonIsOneToEightyCharactersOfText() {
        assertThat(RejectionReasons.isValid("Customer is outside our service region")).isTrue();
        assertThat(RejectionReasons.isValid("  ")).isFalse();
        assertThat(RejectionReasons.isValid(null)).isFalse();
        assertThat(RejectionReasons.isValid("x".repeat(81))).isFalse();
        assertThat(RejectionReasons.isValid("two\nlines")).isFalse();
    }
}
