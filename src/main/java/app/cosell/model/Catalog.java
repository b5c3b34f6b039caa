package app.cosell.model;

/** The Partner Central catalog a request acts on: production ({@code AWS}) or the test catalog ({@code Sandbox}). */
public enum Catalog {
    AWS, Sandbox;

    public String wire() { return name(); }

    public boolean isProduction() { return this == AWS; }

    public static Catalog fromWire(String value) {
        for (Catalog c : values()) if (c.name().equalsIgnoreCase(value)) return c;
        throw new IllegalArgumentException("Unknown catalog: " + value);
    }
}
