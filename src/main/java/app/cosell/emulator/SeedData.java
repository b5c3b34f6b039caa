package app.cosell.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic, realistic seed data: for a given seed, count and day the same opportunities every time.
 * The first {@link SeededScenario} identifiers of each catalog are fixed scenarios (documented in
 * docs/emulator.md) so tests and demos can name them; the rest is a realistic spread of companies,
 * industries, countries, stages and review statuses. Dates are relative to "today" so that submittable
 * opportunities stay submittable.
 */
final class SeedData {

    /** First opportunity number of each catalog; ids are "O" + number. */
    static final long AWS_BASE = 10_000_000L;
    static final long SANDBOX_BASE = 20_000_000L;

    static long base(String catalog) {
        return PartnerCentralState.AWS.equals(catalog) ? AWS_BASE : SANDBOX_BASE;
    }

    private static final String[] NAME_FIRST = {"Blue", "Summit", "Northwind", "Silver", "Granite", "Harbor",
        "Evergreen", "Cobalt", "Redwood", "Pioneer", "Lakeside", "Crescent", "Ironbridge", "Meridian", "Aurora",
        "Bright", "Cedar", "Falcon", "Golden", "Highland", "Keystone", "Lumen", "Maple", "Nimbus", "Orchid",
        "Pinnacle", "Quarry", "Riverstone", "Sterling", "Tidewater", "Union", "Vista", "Willow", "Zenith"};
    private static final String[] NAME_SECOND = {"Analytics", "Logistics", "Health", "Foods", "Energy",
        "Robotics", "Media", "Finance", "Textiles", "Motors", "Pharma", "Software", "Telecom", "Retail",
        "Aerospace", "Farms", "Learning", "Hotels", "Mining", "Studios", "Insurance", "Biotech", "Freight",
        "Networks", "Outfitters", "Semiconductors", "Water", "Capital", "Games", "Builders"};
    private static final String[] NAME_SUFFIX = {"Inc.", "LLC", "Corp.", "Group", "Holdings", "Ltd.", "Co.",
        "Partners", "Systems", "Labs"};
    private static final String[] INDUSTRIES = {"Aerospace", "Agriculture", "Automotive",
        "Computers and Electronics", "Consumer Goods", "Education", "Energy - Oil and Gas",
        "Energy - Power and Utilities", "Financial Services", "Gaming", "Government", "Healthcare", "Hospitality",
        "Life Sciences", "Manufacturing", "Marketing and Advertising", "Media and Entertainment", "Mining",
        "Non-Profit Organization", "Professional Services", "Real Estate and Construction", "Retail",
        "Software and Internet", "Telecommunications", "Transportation and Logistics", "Travel",
        "Wholesale and Distribution"};
    /** US cities with their full state name and a postal code of that city. */
    private static final String[][] US_PLACES = {
        {"Seattle", "Washington", "98101"}, {"Austin", "Texas", "78701"}, {"Denver", "Colorado", "80202"},
        {"Boston", "Massachusetts", "02108"}, {"Chicago", "Illinois", "60601"}, {"Atlanta", "Georgia", "30303"},
        {"New York", "New York", "10001"}, {"San Jose", "California", "95113"}, {"Columbus", "Ohio", "43215"},
        {"Phoenix", "Arizona", "85004"}, {"Nashville", "Tennessee", "37203"}, {"Portland", "Oregon", "97204"},
        {"Raleigh", "North Carolina", "27601"}, {"Miami", "Florida", "33130"}, {"Minneapolis", "Minnesota", "55401"},
        {"Salt Lake City", "Utah", "84101"}, {"Pittsburgh", "Pennsylvania", "15222"},
        {"Richmond", "Virginia", "23219"}, {"Madison", "Wisconsin", "53703"}, {"Omaha", "Nebraska", "68102"}};
    /** Other countries: code, city, region, postal code, web domain. */
    private static final String[][] WORLD_PLACES = {
        {"DE", "Munich", "Bavaria", "80331", "de"}, {"DE", "Hamburg", "Hamburg", "20095", "de"},
        {"GB", "Manchester", "England", "M1 1AE", "co.uk"}, {"GB", "Edinburgh", "Scotland", "EH1 1YZ", "co.uk"},
        {"FR", "Lyon", "Auvergne-Rhône-Alpes", "69002", "fr"}, {"JP", "Osaka", "Osaka", "530-0001", "jp"},
        {"IN", "Bengaluru", "Karnataka", "560001", "in"}, {"AU", "Melbourne", "Victoria", "3000", "com.au"},
        {"BR", "São Paulo", "São Paulo", "01310-100", "com.br"}, {"CA", "Toronto", "Ontario", "M5H 2N2", "ca"},
        {"NL", "Utrecht", "Utrecht", "3511 AA", "nl"}, {"SG", "Singapore", "Singapore", "018956", "sg"},
        {"MX", "Monterrey", "Nuevo León", "64000", "mx"}, {"SE", "Gothenburg", "Västra Götaland", "411 03", "se"}};
    private static final String[] STREETS = {"Main Street", "Market Street", "Harbor Drive", "Industrial Way",
        "Commerce Boulevard", "Elm Avenue", "Park Road", "Station Road", "Innovation Drive", "Riverside Lane"};
    private static final String[] FIRST_NAMES = {"Maria", "James", "Aiko", "Priya", "Lukas", "Sofia", "Daniel",
        "Amara", "Chen", "Olivia", "Mateo", "Fatima", "Noah", "Ingrid", "Ravi", "Grace", "Tomás", "Yara"};
    private static final String[] LAST_NAMES = {"Garcia", "Smith", "Tanaka", "Patel", "Müller", "Rossi", "Kim",
        "Okafor", "Wang", "Johnson", "Silva", "Haddad", "Brown", "Larsen", "Iyer", "Lee", "Fernández", "Nasser"};
    private static final String[] TITLES = {"CTO", "VP Engineering", "Head of IT", "Director of Data",
        "Cloud Architect", "CIO", "IT Manager", "Head of Digital"};
    private static final String[][] PROJECTS = {
        {"Data lake modernization", "AI Machine Learning and Analytics",
            "Fragmented reporting across regional data warehouses delays month-end close by two weeks."},
        {"ERP migration to AWS", "Migration / Database Migration",
            "The on-premises ERP runs on hardware reaching end of support and cannot scale for peak season."},
        {"Contact center transformation", "Business Applications & Contact Center",
            "Call wait times exceed ten minutes and agents lack customer context across channels."},
        {"Generative AI assistant", "AI Machine Learning and Analytics",
            "Support engineers spend hours searching manuals; the customer wants grounded answers in seconds."},
        {"Disaster recovery site", "Storage & Backup",
            "A single data center hosts all production systems and the last outage cost three days of sales."},
        {"Container platform", "Containers & Serverless",
            "Release cycles of six weeks block the product team; deployments are manual and error prone."},
        {"Security posture uplift", "Security & Compliance",
            "A failed audit found unmanaged identities and no central logging across business units."},
        {"IoT fleet telemetry", "IoT",
            "Field equipment failures are discovered only after customers complain; no telemetry is collected."},
        {"E-commerce replatform", "Migration / Database Migration",
            "The web shop slows down during promotions and lost an estimated four percent of holiday revenue."},
        {"HPC simulation burst", "High Performance Computing",
            "Engineering simulations queue for days on a fixed cluster, delaying product certification."}};
    private static final String[] DELIVERY = {"SaaS or PaaS", "Professional Services", "Managed Services",
        "BYOL or AMI", "Resell"};
    private static final String[] NEEDS = {"Co-Sell - Architectural Validation", "Co-Sell - Business Presentation",
        "Co-Sell - Pricing Assistance", "Co-Sell - Technical Consultation", "Co-Sell - Deal Support",
        "Co-Sell - Total Cost of Ownership Evaluation"};
    private static final String[] STAGES = {"Prospect", "Qualified", "Technical Validation", "Business Validation",
        "Committed"};
    private static final String[] ACTIVITIES = {"Initialized discussions with customer",
        "Customer has shown interest in solution", "Conducted POC / Demo", "In evaluation / planning stage",
        "Agreed on solution to Business Problem"};
    private static final String[] COMPETITORS = {"No Competition", "Microsoft Azure", "Google Cloud Platform",
        "On-Prem", "Oracle Cloud"};
    private static final String[][] SOLUTIONS = {
        {"Data Platform Accelerator", "Software Product"}, {"Cloud Migration Factory", "Consulting Service"},
        {"Managed Kubernetes Operations", "Managed Service"}, {"Contact Center Blueprint", "Consulting Service"},
        {"GenAI Knowledge Assistant", "Software Product"}, {"Backup and DR as a Service", "Managed Service"},
        {"Security Baseline Kit", "Software Product"}, {"IoT Edge Gateway", "Hardware Product"},
        {"SAP on AWS Landing Zone", "Consulting Service"}, {"Cloud Skills Bootcamp", "Training Service"},
        {"Legacy Reporting Suite", "Software Product"}, {"Edge Analytics Preview", "Software Product"}};

    private SeedData() {
    }

    /** Fills both catalogs. {@code count} is the number of opportunities per catalog. */
    static void populate(PartnerCentralState state, long seed, int count, LocalDate today, Instant now) {
        // Each catalog has its own random stream, so generating them side by side stays deterministic and
        // halves the start-up time of large data sets.
        java.util.stream.StreamSupport.stream(state.catalogs().spliterator(), false).toList().parallelStream()
                .forEach(catalog -> {
                    long salt = PartnerCentralState.AWS.equals(catalog.name) ? 0x5EED_A175L : 0x5A4D_B0C5L;
                    populate(state, catalog, new SplittableRandom(seed ^ salt), count, today, now);
                });
    }

    private static void populate(PartnerCentralState state, CatalogState catalog, SplittableRandom random,
                                 int count, LocalDate today, Instant now) {
        String account = state.partnerAccount();
        List<String> activeSolutions = new ArrayList<>();
        for (int i = 0; i < SOLUTIONS.length; i++) {
            String id = String.format(Locale.ROOT, "S-%07d", i + 1 + (catalog.name.equals("AWS") ? 0 : 500));
            String status = i == 10 ? "Inactive" : i == 11 ? "Draft" : "Active";
            String name = catalog.name.equals("AWS") ? SOLUTIONS[i][0] : SOLUTIONS[i][0] + " (Sandbox)";
            catalog.solutions.put(id, new Solution(catalog.name, id, name, status, SOLUTIONS[i][1],
                    now.minus(Duration.ofDays(400 - i * 7L))));
            if ("Active".equals(status)) {
                activeSolutions.add(id);
            }
        }
        long base = base(catalog.name);
        SeededScenario[] scenarios = SeededScenario.values();
        for (int n = 1; n <= count; n++) {
            String id = "O" + (base + n);
            SeededScenario scenario = n <= scenarios.length ? scenarios[n - 1] : null;
            Instant created = now.minus(Duration.ofMinutes(60L * 24 * 30 + random.nextLong(60L * 24 * 300)));
            Instant modified = created.plus(Duration.ofMinutes(random.nextLong(
                    Math.max(1, Duration.between(created, now).toMinutes()))));
            ObjectNode content = content(random, today, scenario);
            List<String> solutions = new ArrayList<>();
            solutions.add(activeSolutions.get(random.nextInt(activeSolutions.size())));
            if (random.nextInt(4) == 0) {
                String second = activeSolutions.get(random.nextInt(activeSolutions.size()));
                if (!solutions.contains(second)) {
                    solutions.add(second);
                }
            }
            if (scenario == SeededScenario.NO_SOLUTION) {
                solutions.clear();
            }
            String status = WireJson.textAt(content, "LifeCycle.ReviewStatus");
            boolean submittedBefore = !"Pending Submission".equals(status);
            Opportunity opportunity = new Opportunity(catalog.name, id, created, modified, "Partner Referral",
                    content, solutions, List.of("AmazonEC2", "AmazonS3").subList(0, random.nextInt(3)), List.of(),
                    submittedBefore ? "Co-Sell" : null, submittedBefore ? "Full" : null);
            catalog.opportunities.put(id, opportunity);
            if (scenario == SeededScenario.EXISTING_ENGAGEMENT) {
                seedEngagementHistory(catalog, opportunity, account, random, false);
            } else if (scenario != null && submittedBefore && scenario != SeededScenario.ACTION_REQUIRED) {
                seedEngagementHistory(catalog, opportunity, account, random, true);
            }
        }
        catalog.nextOpportunityNumber.set(base + count + 1);
        seedReceivedInvitations(catalog, random, now);
        ReferralSeeds.populate(catalog, account, random, now);
    }

    /** Builds the partner-editable document of one opportunity, then spoils it as the scenario says. */
    private static ObjectNode content(SplittableRandom random, LocalDate today, SeededScenario scenario) {
        String company = pick(random, NAME_FIRST) + " " + pick(random, NAME_SECOND) + " " + pick(random, NAME_SUFFIX);
        boolean us = scenario == SeededScenario.SUBMITTABLE_NON_US ? false
                : scenario != null || random.nextInt(100) < 65;
        String industry = pick(random, INDUSTRIES);
        String[] project = PROJECTS[random.nextInt(PROJECTS.length)];
        String slug = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "").replaceAll("(inc|llc|corp|ltd|co)$", "");

        ObjectNode content = WireJson.object();
        ObjectNode account = content.putObject("Customer").putObject("Account");
        account.put("CompanyName", company);
        account.put("Industry", industry);
        ObjectNode address = account.putObject("Address");
        if (us) {
            String[] place = US_PLACES[random.nextInt(US_PLACES.length)];
            account.put("WebsiteUrl", "https://www." + slug + ".com");
            address.put("StreetAddress", (100 + random.nextInt(9800)) + " " + pick(random, STREETS));
            address.put("City", place[0]);
            address.put("StateOrRegion", place[1]);
            address.put("PostalCode", place[2]);
            address.put("CountryCode", "US");
        } else {
            String[] place = scenario == SeededScenario.SUBMITTABLE_NON_US ? WORLD_PLACES[0]
                    : WORLD_PLACES[random.nextInt(WORLD_PLACES.length)];
            account.put("WebsiteUrl", "https://www." + slug + "." + place[4]);
            address.put("StreetAddress", pick(random, STREETS) + " " + (1 + random.nextInt(200)));
            address.put("City", place[1]);
            address.put("StateOrRegion", place[2]);
            address.put("PostalCode", place[3]);
            address.put("CountryCode", place[0]);
        }
        ArrayNode contacts = ((ObjectNode) content.get("Customer")).putArray("Contacts");
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        ObjectNode contact = contacts.addObject();
        contact.put("FirstName", first);
        contact.put("LastName", last);
        contact.put("Email", ascii(first) + "." + ascii(last) + "@" + slug + ".example.com");
        contact.put("BusinessTitle", pick(random, TITLES));
        contact.put("Phone", "+1206555" + String.format(Locale.ROOT, "%04d", random.nextInt(10000)));

        ObjectNode projectNode = content.putObject("Project");
        projectNode.put("Title", project[0] + " for " + company.split(" ")[0] + " " + company.split(" ")[1]);
        projectNode.put("CustomerBusinessProblem", project[2]);
        projectNode.put("CustomerUseCase", project[1]);
        projectNode.putArray("DeliveryModels").add(pick(random, DELIVERY));
        long monthly = scenario == SeededScenario.SUBMITTABLE_COMMITTED ? 250_000
                : (1 + random.nextInt(400)) * 250L;
        ObjectNode spend = projectNode.putArray("ExpectedCustomerSpend").addObject();
        spend.put("Amount", Long.toString(monthly));
        spend.put("CurrencyCode", "USD");
        spend.put("Frequency", "Monthly");
        spend.put("TargetCompany", "AWS");
        ArrayNode activities = projectNode.putArray("SalesActivities");
        activities.add(ACTIVITIES[random.nextInt(ACTIVITIES.length)]);
        projectNode.put("CompetitorName", pick(random, COMPETITORS));

        String stage = scenario == SeededScenario.SUBMITTABLE_COMMITTED ? "Committed" : pick(random, STAGES);
        String reviewStatus = "Pending Submission";
        if (scenario == null) {
            int roll = random.nextInt(100);
            reviewStatus = roll < 55 ? "Pending Submission" : roll < 70 ? "Submitted" : roll < 78 ? "In review"
                    : roll < 90 ? "Approved" : roll < 96 ? "Action Required" : "Rejected";
            if (random.nextInt(100) < 4) {
                stage = "Closed Lost";
            }
        }
        ObjectNode lifeCycle = content.putObject("LifeCycle");
        lifeCycle.put("Stage", stage);
        lifeCycle.put("TargetCloseDate", today.plusDays(30 + random.nextInt(300)).toString());
        lifeCycle.put("ReviewStatus", reviewStatus);
        lifeCycle.put("NextSteps", "Schedule architecture review with the customer's " + pick(random, TITLES));
        if ("Closed Lost".equals(stage)) {
            lifeCycle.put("ClosedLostReason", "Lost to Competitor - Other");
        }
        content.put("OpportunityType", random.nextInt(5) == 0 ? "Expansion" : "Net New Business");
        content.putArray("PrimaryNeedsFromAws").add(pick(random, NEEDS));
        content.put("NationalSecurity", "No");
        content.putObject("Marketing").put("Source", random.nextInt(6) == 0 ? "Marketing Activity" : "None");
        content.put("PartnerOpportunityIdentifier", "CRM-" + (100000 + random.nextInt(900000)));
        ObjectNode member = content.putArray("OpportunityTeam").addObject();
        member.put("FirstName", "Jordan");
        member.put("LastName", "Rivera");
        member.put("Email", "jordan.rivera@partner.example.com");
        member.put("BusinessTitle", "PartnerAccountManager");
        if (scenario == null && random.nextInt(100) < 8) {
            // A realistic share of the spread is incomplete, like real CRM exports.
            switch (random.nextInt(3)) {
                case 0 -> account.remove("WebsiteUrl");
                case 1 -> projectNode.remove("CustomerBusinessProblem");
                default -> projectNode.remove("DeliveryModels");
            }
        }
        if (scenario != null) {
            spoil(content, scenario, today);
        }
        return content;
    }

    private static void spoil(ObjectNode content, SeededScenario scenario, LocalDate today) {
        ObjectNode account = (ObjectNode) content.at("/Customer/Account");
        ObjectNode address = (ObjectNode) account.get("Address");
        ObjectNode project = (ObjectNode) content.get("Project");
        ObjectNode lifeCycle = (ObjectNode) content.get("LifeCycle");
        switch (scenario) {
            case ACTION_REQUIRED -> {
                lifeCycle.put("ReviewStatus", "Action Required");
                lifeCycle.put("ReviewStatusReason", "Customer website could not be verified");
                lifeCycle.put("ReviewComments", "Website corrected by the partner; please resubmit.");
            }
            case MISSING_WEBSITE -> account.remove("WebsiteUrl");
            case MISSING_INDUSTRY -> account.remove("Industry");
            case MISSING_ADDRESS -> {
                address.remove("PostalCode");
                address.remove("StateOrRegion");
            }
            case MISSING_BUSINESS_PROBLEM -> project.remove("CustomerBusinessProblem");
            case MISSING_DELIVERY_AND_SPEND -> {
                project.remove("DeliveryModels");
                project.remove("ExpectedCustomerSpend");
            }
            case MISSING_MARKETING_AND_NEEDS -> {
                content.remove("Marketing");
                content.remove("OpportunityType");
                content.remove("PrimaryNeedsFromAws");
            }
            case PAST_TARGET_DATE -> lifeCycle.put("TargetCloseDate", today.minusDays(45).toString());
            case STATE_ABBREVIATED -> {
                address.put("City", "New York");
                address.put("StateOrRegion", "NY");
                address.put("PostalCode", "10001");
            }
            case ALREADY_SUBMITTED -> lifeCycle.put("ReviewStatus", "Submitted");
            case IN_REVIEW -> lifeCycle.put("ReviewStatus", "In review");
            case APPROVED -> lifeCycle.put("ReviewStatus", "Approved");
            case REJECTED -> {
                lifeCycle.put("ReviewStatus", "Rejected");
                lifeCycle.put("ReviewStatusReason", "Duplicate of an existing AWS opportunity");
            }
            case CLOSED_LOST -> {
                lifeCycle.put("Stage", "Closed Lost");
                lifeCycle.put("ClosedLostReason", "Price");
            }
            default -> {
                // the clean scenarios keep their generated, complete content
            }
        }
    }

    /**
     * The trail an earlier engagement left: an engagement with the opportunity associated, a snapshot and a
     * running snapshot job; with an invitation to AWS when it came from a submission (not from a lead).
     */
    private static void seedEngagementHistory(CatalogState catalog, Opportunity opportunity, String account,
                                              SplittableRandom random, boolean invited) {
        Instant when = opportunity.lastModifiedDate();
        String engagementId = Ids.ENGAGEMENT.next(random);
        ObjectNode payload = TaskEngine.customerProjectContext(opportunity);
        Engagement engagement = new Engagement(catalog.name, engagementId,
                TaskEngine.engagementTitle(opportunity), TaskEngine.engagementDescription(opportunity), when, account,
                when, account, invited ? 2 : 1,
                List.of(new Engagement.Context("1", "CustomerProject", payload)));
        catalog.engagements.put(engagementId, engagement);
        catalog.associations.add(new ResourceAssociation(catalog.name, engagementId, "Opportunity",
                opportunity.id(), account, when));
        if (invited) {
            catalog.snapshots.add(new ResourceSnapshot(catalog.name, engagementId, "Opportunity", opportunity.id(),
                    TaskEngine.SNAPSHOT_TEMPLATE, 1, when, account, TaskEngine.snapshotPayload(opportunity)));
            String jobId = Ids.JOB.next(random);
            catalog.jobs.put(jobId, new SnapshotJob(catalog.name, jobId, engagementId, "Opportunity",
                    opportunity.id(), TaskEngine.SNAPSHOT_TEMPLATE, when, "Running", when));
            String invitationId = Ids.INVITATION.next(random);
            catalog.invitations.put(invitationId, TaskEngine.invitationTo(catalog.name, invitationId, engagement,
                    opportunity, when, "ACCEPTED", account));
        }
    }

    /** A few invitations AWS sent to the partner, so the RECEIVER view is not empty. */
    private static void seedReceivedInvitations(CatalogState catalog, SplittableRandom random, Instant now) {
        for (int i = 0; i < 3; i++) {
            String engagementId = Ids.ENGAGEMENT.next(random);
            String company = pick(random, NAME_FIRST) + " " + pick(random, NAME_SECOND) + " " + pick(random, NAME_SUFFIX);
            ObjectNode payload = WireJson.object();
            ObjectNode invitationPayload = payload.putObject("OpportunityInvitation");
            invitationPayload.putArray("ReceiverResponsibilities").add("Services Partner");
            ObjectNode customer = invitationPayload.putObject("Customer");
            customer.put("CompanyName", company);
            customer.put("Industry", pick(random, INDUSTRIES));
            customer.put("WebsiteUrl", "https://www.example-" + i + ".com");
            customer.put("CountryCode", "US");
            String[] project = PROJECTS[random.nextInt(PROJECTS.length)];
            ObjectNode projectNode = invitationPayload.putObject("Project");
            projectNode.put("Title", project[0]);
            projectNode.put("BusinessProblem", project[2]);
            projectNode.put("TargetCompletionDate", LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
                    .plusDays(90).toString());
            ObjectNode spend = projectNode.putArray("ExpectedCustomerSpend").addObject();
            spend.put("Amount", "5000");
            spend.put("CurrencyCode", "USD");
            spend.put("Frequency", "Monthly");
            spend.put("TargetCompany", "AWS");
            Instant sent = now.minus(Duration.ofDays(1 + i * 3L));
            String id = Ids.INVITATION.next(random);
            catalog.invitations.put(id, new Invitation(catalog.name, id, engagementId, project[0], "PENDING", sent,
                    sent.plus(Duration.ofDays(15)), "aws", "AWS", "", "", "RECEIVER",
                    "AWS invites you to co-sell with " + company, project[2], payload));
        }
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
