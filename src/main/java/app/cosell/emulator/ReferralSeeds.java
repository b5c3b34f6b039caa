package app.cosell.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The seeded AWS referrals of a catalog: engagement invitations AWS sent to the partner in every state the inbox
 * shows — pending with expiry dates from under a day to two weeks (one of them fails to be accepted because its
 * target date has passed), one expired, one accepted, one rejected — each with the customer details it keeps hidden
 * until accepted.
 */
final class ReferralSeeds {

    private ReferralSeeds() {
    }

    private record Seed(InvitationOperations.Referral referral, String status, Duration sentAgo, Duration expiresIn,
                        int targetDays, String city, String postalCode, String contactFirst, String contactLast,
                        String contactTitle, String rejectionReason) {
    }

    // A table: the rows are alike by design, one seeded referral each.
    private static final List<Seed> SEEDS = List.of(
            new Seed(new InvitationOperations.Referral("Data lake for clinical trials", "Lakeshore Clinical Research",
                    "Healthcare", "US", "https://www.lakeshore-clinical.example.com",
                    "Trial data sits in three on-premises warehouses; analysts wait days for joined extracts and the "
                            + "sponsor asks for a governed data lake on AWS.", "18000",
                    List.of("Services Partner"), "Urgent: the customer decides on its partner this week."),
                    "PENDING", Duration.ofDays(14).plusHours(4), Duration.ofHours(20), 120, "Chicago", "60601",
                    "Elena", "Varga", "VP Data Platforms", null),
            new Seed(new InvitationOperations.Referral("Contact center on Amazon Connect", "Nordlicht Versand GmbH",
                    "Retail", "DE", "https://www.nordlicht-versand.example.com",
                    "The customer's contact center licences expire in spring; it wants Amazon Connect with CRM "
                            + "integration and German-language analytics.", "9500",
                    List.of("Services Partner", "Managed Service Provider"),
                    "AWS invites you to co-sell: contact center migration."),
                    "PENDING", Duration.ofDays(13).plusHours(6), Duration.ofHours(40), 150, "Hamburg", "20095",
                    "Jonas", "Becker", "Head of Customer Service IT", null),
            new Seed(new InvitationOperations.Referral("SAP on AWS migration", "Kitakaze Precision Industries",
                    "Manufacturing", "JP", "https://www.kitakaze-precision.example.com",
                    "SAP ECC runs on ageing hardware whose support ends next year; the customer wants a move to SAP on "
                            + "AWS with minimal downtime.", "52000",
                    List.of("Software Partner", "Co-Sell Facilitator"), "AWS invites you to co-sell: SAP migration."),
                    "PENDING", Duration.ofDays(9), Duration.ofDays(6), 200, "Nagoya", "450-0002",
                    "Haruto", "Sato", "CIO", null),
            new Seed(new InvitationOperations.Referral("Generative AI assistant pilot", "Thamesbridge Mutual",
                    "Financial Services", "GB", "https://www.thamesbridge-mutual.example.com",
                    "Advisers spend hours searching policy documents; the customer wants a pilot of a Bedrock-based "
                            + "assistant with strict data residency.", "3500",
                    List.of("Services Partner"), "AWS invites you to co-sell: GenAI pilot."),
                    "PENDING", Duration.ofDays(5), Duration.ofDays(10), -3, "London", "EC2V 7HH",
                    "Olivia", "Hughes", "Director of Digital", null),
            new Seed(new InvitationOperations.Referral("Virtual desktops for campuses", "Wattle Grove University",
                    "Education", "AU", "https://www.wattlegrove.example.edu",
                    "Student labs run on ageing VDI hardware; the university wants Amazon WorkSpaces for 4,000 seats "
                            + "before the next semester.", "12000",
                    List.of("Services Partner"), "AWS invites you to co-sell: VDI replacement."),
                    "EXPIRED", Duration.ofDays(17), Duration.ofDays(-2), 60, "Brisbane", "4000",
                    "Chloe", "Nguyen", "IT Infrastructure Manager", null),
            new Seed(new InvitationOperations.Referral("Kubernetes platform modernisation", "Maple Ridge Telecom",
                    "Telecommunications", "CA", "https://www.mapleridge-telecom.example.com",
                    "Self-managed Kubernetes clusters cause outages during upgrades; the customer wants Amazon EKS "
                            + "with a managed platform team.", "27000",
                    List.of("Managed Service Provider"), "AWS invites you to co-sell: EKS platform."),
                    "ACCEPTED", Duration.ofDays(20), Duration.ofDays(-5), 180, "Toronto", "M5H 2N2",
                    "Liam", "Tremblay", "Director of Platform Engineering", null),
            new Seed(new InvitationOperations.Referral("Backup and disaster recovery", "Boulevard Immobilier SA",
                    "Real Estate and Construction", "FR", "https://www.boulevard-immobilier.example.com",
                    "Backups are written to tape in one building; the insurer requires an off-site recovery plan "
                            + "with tested restores.", "4200",
                    List.of("Services Partner"), "AWS invites you to co-sell: backup and DR."),
                    "REJECTED", Duration.ofDays(8), Duration.ofDays(7), 90, "Lyon", "69002",
                    "Camille", "Laurent", "Responsable informatique", "Customer is outside our service region"));

    /** Adds the seeded referrals to {@code catalog} (ids drawn from {@code random}). */
    static void populate(CatalogState catalog, String partnerAccount, RandomGenerator random, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Seed seed : SEEDS) {
            String id = Ids.INVITATION.next(random);
            String engagementId = Ids.ENGAGEMENT.next(random);
            Instant sent = now.minus(seed.sentAgo());
            Instant expires = now.plus(seed.expiresIn());
            InvitationOperations.Referral r = seed.referral();
            String title = r.title().length() <= 40 ? r.title() : r.title().substring(0, 40);
            Invitation invitation = new InvitationOperations.Referral(title, r.companyName(), r.industry(),
                    r.countryCode(), r.websiteUrl(), r.businessProblem(), r.monthlyAmount(), r.responsibilities(),
                    r.message()).invitation(catalog.name, id, engagementId, sent, expires, seed.status(),
                    today.plusDays(seed.targetDays()));
            catalog.invitations.put(id, invitation);
            ObjectNode hidden = WireJson.object();
            ObjectNode address = hidden.putObject("Address");
            address.put("City", seed.city());
            address.put("PostalCode", seed.postalCode());
            String domain = r.websiteUrl().replaceFirst("^https?://(www\\.)?", "");
            hidden.putArray("Contacts").addObject()
                    .put("FirstName", seed.contactFirst())
                    .put("LastName", seed.contactLast())
                    .put("Email", seed.contactFirst().toLowerCase(java.util.Locale.ROOT) + "."
                            + seed.contactLast().toLowerCase(java.util.Locale.ROOT) + "@" + domain)
                    .put("BusinessTitle", seed.contactTitle());
            catalog.referralDetails.put(id, hidden);
            if (seed.rejectionReason() != null) {
                catalog.rejectionReasons.put(id, seed.rejectionReason());
            }
        }
    }
}
