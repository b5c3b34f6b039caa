/**
 * Partner Central through the AWS SDK: the only package that imports it. {@link app.cosell.partner.Connections}
 * opens a {@link app.cosell.partner.PartnerCentral} gateway for an AWS profile or the embedded emulator;
 * {@link app.cosell.partner.AwsProfiles} reads the rep's profiles; {@link app.cosell.partner.SsoSignIn} signs in to
 * IAM Identity Center. Everything leaving this package is a {@code model} record or a
 * {@link app.cosell.model.PartnerCentralFailure}.
 */
package app.cosell.partner;
