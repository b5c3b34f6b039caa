package app.cosell.partner;

import app.cosell.model.Catalog;
import app.cosell.model.ReceivedInvitation;
import app.cosell.model.TaskAnswer;
import app.cosell.model.TaskStatus;
import java.util.List;
import software.amazon.awssdk.services.partnercentralselling.model.EngagementInvitationSummary;
import software.amazon.awssdk.services.partnercentralselling.model.GetEngagementInvitationResponse;
import software.amazon.awssdk.services.partnercentralselling.model.ListEngagementByAcceptingInvitationTaskSummary;
import software.amazon.awssdk.services.partnercentralselling.model.OpportunityInvitationPayload;
import software.amazon.awssdk.services.partnercentralselling.model.StartEngagementByAcceptingInvitationTaskResponse;

/** Maps the SDK's engagement-invitation and acceptance-task shapes to the model (AWS referrals). */
final class InvitationShapes {

    private InvitationShapes() {}

    static ReceivedInvitation summary(EngagementInvitationSummary s, Catalog fallback) {
        return new ReceivedInvitation(WireValues.catalog(s.catalog(), fallback), s.id(), s.arn(), s.engagementId(),
                s.engagementTitle(), s.statusAsString(), s.invitationDate(), s.expirationDate(),
                s.senderAwsAccountId(), s.senderCompanyName(), s.payloadTypeAsString(), false, null, null, null,
                null, null, List.of(), List.of(), List.of());
    }

    static ReceivedInvitation detail(GetEngagementInvitationResponse r, Catalog fallback) {
        OpportunityInvitationPayload p = r.payload() == null ? null : r.payload().opportunityInvitation();
        ReceivedInvitation.Customer customer = null;
        ReceivedInvitation.Project project = null;
        List<String> duties = List.of();
        List<ReceivedInvitation.Contact> contacts = List.of();
        if (p != null) {
            if (p.customer() != null) {
                customer = new ReceivedInvitation.Customer(p.customer().companyName(), p.customer().industryAsString(),
                        p.customer().countryCodeAsString(), p.customer().websiteUrl());
            }
            if (p.project() != null) {
                project = new ReceivedInvitation.Project(p.project().title(), p.project().businessProblem(),
                        WireValues.date(p.project().targetCompletionDate()),
                        p.project().hasExpectedCustomerSpend()
                                ? p.project().expectedCustomerSpend().stream().map(WireValues::money).toList()
                                : List.of());
            }
            duties = p.hasReceiverResponsibilities() ? p.receiverResponsibilitiesAsStrings() : List.of();
            contacts = p.hasSenderContacts() ? p.senderContacts().stream().map(c -> new ReceivedInvitation.Contact(
                    c.firstName(), c.lastName(), c.email(), c.businessTitle(), c.phone())).toList() : List.of();
        }
        List<String> members = r.hasExistingMembers()
                ? r.existingMembers().stream().map(m -> m.companyName()).filter(n -> n != null).toList() : List.of();
        return new ReceivedInvitation(WireValues.catalog(r.catalog(), fallback), r.id(), r.arn(), r.engagementId(),
                r.engagementTitle(), r.statusAsString(), r.invitationDate(), r.expirationDate(),
                r.senderAwsAccountId(), r.senderCompanyName(), r.payloadTypeAsString(), true, r.invitationMessage(),
                r.engagementDescription(), r.rejectionReason(), customer, project, duties, contacts, members);
    }

    static TaskAnswer answer(StartEngagementByAcceptingInvitationTaskResponse r) {
        return new TaskAnswer(r.taskId(), r.taskArn(), r.startTime(), TaskStatus.fromWire(r.taskStatusAsString()),
                r.taskStatusAsString(), r.opportunityId(), null, r.resourceSnapshotJobId(),
                r.engagementInvitationId(), reasonCode(r.reasonCodeAsString()), r.message());
    }

    static TaskAnswer answer(ListEngagementByAcceptingInvitationTaskSummary s) {
        return new TaskAnswer(s.taskId(), s.taskArn(), s.startTime(), TaskStatus.fromWire(s.taskStatusAsString()),
                s.taskStatusAsString(), s.opportunityId(), null, s.resourceSnapshotJobId(),
                s.engagementInvitationId(), reasonCode(s.reasonCodeAsString()), s.message());
    }

    private static String reasonCode(String s) {
        // Samples show "ReasonCode": "null" on COMPLETE tasks.
        return s == null || s.isBlank() || s.equals("null") ? null : s;
    }
}
