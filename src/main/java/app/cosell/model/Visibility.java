package app.cosell.model;

/** {@code AwsSubmission.Visibility}: how much of the opportunity AWS sellers see. The service defaults to Full. */
public enum Visibility implements WireEnum {
    FULL("Full"), LIMITED("Limited");

    private final String wire;

    Visibility(String wire) { this.wire = wire; }

    @Override public String wire() { return wire; }

    public static Visibility fromWire(String value) { return WireEnum.fromWire(Visibility.class, value); }
}
