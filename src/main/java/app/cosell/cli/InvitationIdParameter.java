package app.cosell.cli;

import picocli.CommandLine.Parameters;

/** The invitation a command answers (accept, reject), given by its id or its ARN. */
final class InvitationIdParameter {

    @Parameters(paramLabel = "INVITATION_ID", description = "The invitation's id (engi-…) or ARN.")
    String invitationId;

    /** The invitation's id: an ARN's last part, else what was given. */
    String id() { return invitationId.substring(invitationId.lastIndexOf('/') + 1); }
}
