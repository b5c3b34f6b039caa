package app.cosell.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An engagement invitation AWS sent to the partner (an AWS referral): what ListEngagementInvitations (participant
 * RECEIVER) and GetEngagementInvitation say about it. The list gives the summary fields; the detail adds the
 * opportunity it carries (customer without contacts, project, expected spend), the responsibilities asked of the
 * partner, the sender's contacts and message, and the reason a rejected one was rejected.
 *
 * @param status          {@code PENDING}, {@code ACCEPTED}, {@code REJECTED}, {@code EXPIRED} (raw: a newer service
 *                        may send others)
 * @param detailed        whether the detail fields were read (GetEngagementInvitation)
 */
public record ReceivedInvitation(
        Catalog catalog,
        String id,
        String arn,
        String engagementId,
        String title,
        String status,
        Instant invitationDate,
        Instant expirationDate,
        String senderAwsAccountId,
        String senderCompanyName,
        String payloadType,
        boolean detailed,
        String message,
        String engagementDescription,
        String rejectionReason,
        Customer customer,
        Project project,
        List<String> receiverResponsibilities,
        List<Contact> senderContacts,
        List<String> existingMembers) {

    public static final String PENDING = "PENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";
    public static final String EXPIRED = "EXPIRED";
    /** The statuses the service knows, in the order the inbox filter offers them. */
    public static final List<String> STATUSES = List.of(PENDING, ACCEPTED, REJECTED, EXPIRED);

    /** The customer as the invitation shows it: no contacts until the invitation is accepted. */
    public record Customer(String companyName, String industry, String countryCode, String websiteUrl) {}

    /** The project of the referral. */
    public record Project(String title, String businessProblem, LocalDate targetCompletionDate,
                          List<Money> expectedMonthlySpend) {
        public Project {
            expectedMonthlySpend = List.copyOf(expectedMonthlySpend == null ? List.of() : expectedMonthlySpend);
        }
    }

    /** A person at the sender (AWS). */
    public record Contact(String firstName, String lastName, String email, String businessTitle, String phone) {
        public String name() {
            String n = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return n.isEmpty() ? email : n;
        }
    }

    public ReceivedInvitation {
        receiverResponsibilities = List.copyOf(receiverResponsibilities == null ? List.of() : receiverResponsibilities);
        senderContacts = List.copyOf(senderContacts == null ? List.of() : senderContacts);
        existingMembers = List.copyOf(existingMembers == null ? List.of() : existingMembers);
    }

    public boolean isPending() { return PENDING.equals(status); }

    /** Pending and past its expiration date by {@code now} (the service will call it EXPIRED). */
    public boolean hasLapsed(Instant now) {
        return isPending() && expirationDate != null && !expirationDate.isAfter(now);
    }

    /** Time left to answer at {@code now}; null when not pending or without a date; never negative. */
    public Duration timeLeft(Instant now) {
        if (!isPending() || expirationDate == null) return null;
        Duration left = Duration.between(now, expirationDate);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Pending and expiring within {@code window} of {@code now}. */
    public boolean expiresWithin(Duration window, Instant now) {
        Duration left = timeLeft(now);
        return left != null && left.compareTo(window) <= 0;
    }

    /** The first expected monthly spend, if the invitation carries one. */
    public Money expectedSpend() {
        return project == null || project.expectedMonthlySpend().isEmpty() ? null
                : project.expectedMonthlySpend().getFirst();
    }

    /** The same invitation in the status a later list read showed (details do not change, the status does). */
    public ReceivedInvitation withStatus(String newStatus) {
        return new ReceivedInvitation(catalog, id, arn, engagementId, title, newStatus, invitationDate, expirationDate,
                senderAwsAccountId, senderCompanyName, payloadType, detailed, message, engagementDescription,
                rejectionReason, customer, project, receiverResponsibilities, senderContacts, existingMembers);
    }
}
