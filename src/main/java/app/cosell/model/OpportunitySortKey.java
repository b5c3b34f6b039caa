package app.cosell.model;

/** The orders ListOpportunities can sort by on the server ({@code OpportunitySortName}). */
public enum OpportunitySortKey implements WireEnum {
    LAST_MODIFIED("LastModifiedDate"), IDENTIFIER("Identifier"), COMPANY("CustomerCompanyName");

    private final String wire;

    OpportunitySortKey(String wire) { this.wire = wire; }

    @Override public String wire() { return wire; }
}
