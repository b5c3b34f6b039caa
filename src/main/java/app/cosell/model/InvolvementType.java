package app.cosell.model;

/** {@code AwsSubmission.InvolvementType}: how much AWS takes part in the deal. */
public enum InvolvementType implements WireEnum {
    CO_SELL("Co-Sell"), FOR_VISIBILITY_ONLY("For Visibility Only");

    private final String wire;

    InvolvementType(String wire) { this.wire = wire; }

    @Override public String wire() { return wire; }

    public static InvolvementType fromWire(String value) { return WireEnum.fromWire(InvolvementType.class, value); }
}
