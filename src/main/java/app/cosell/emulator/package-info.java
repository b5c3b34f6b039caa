/**
 * The local Partner Central: a loopback HTTP server that speaks the service's wire protocol (AWS JSON 1.0, SigV4,
 * the model's validation and error shapes), so that any SDK or the AWS CLI works against it unchanged. Split as moto
 * splits a service: the wire ({@link app.cosell.emulator.HttpFront}, {@link app.cosell.emulator.WireJson},
 * {@link app.cosell.emulator.RequestValidator}, {@link app.cosell.emulator.SigV4Verifier}) apart from the state
 * ({@link app.cosell.emulator.PartnerCentralState}, {@link app.cosell.emulator.CatalogState}) and the operations that
 * join them. Depends on nothing else of the app (at most {@code model} enums) and never on the SDK's marshallers.
 */
package app.cosell.emulator;
