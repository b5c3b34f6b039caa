package app.cosell.emulator;

/** A task step's failure: the task ends FAILED with this ReasonCode and Message. */
final class StepFailure extends RuntimeException {

    final String reasonCode;

    StepFailure(String reasonCode, String message) {
        super(message, null, false, false);
        this.reasonCode = reasonCode;
    }
}
