package app.cosell.model;

/** {@code LifeCycle.Stage} of an opportunity, in pipeline order. */
public enum Stage implements WireEnum {
    PROSPECT("Prospect"), QUALIFIED("Qualified"), TECHNICAL_VALIDATION("Technical Validation"),
    BUSINESS_VALIDATION("Business Validation"), COMMITTED("Committed"), LAUNCHED("Launched"),
    CLOSED_LOST("Closed Lost");

    private final String wire;

    Stage(String wire) { this.wire = wire; }

    @Override public String wire() { return wire; }

    public static Stage fromWire(String value) { return WireEnum.fromWire(Stage.class, value); }
}
