package app.cosell.ui.main;

import app.cosell.model.Catalog;

/**
 * What the header shows about the connection: local emulator or AWS profile (by name), the catalog requests act
 * on, and the endpoint (for the tooltip).
 */
public record ConnectionInfo(Kind kind, String profileName, Catalog catalog, String endpoint) {

    public enum Kind { EMULATOR, AWS_PROFILE }

    public boolean isEmulator() { return kind == Kind.EMULATOR; }

    /** The badge beside the connection: production is unmistakable. */
    public Badge badge() {
        if (isEmulator()) return Badge.LOCAL_EMULATOR;
        return catalog.isProduction() ? Badge.PRODUCTION : Badge.SANDBOX;
    }

    public enum Badge {
        PRODUCTION("badge-production"), SANDBOX("badge-sandbox"), LOCAL_EMULATOR("badge-emulator");

        private final String styleClass;

        Badge(String styleClass) { this.styleClass = styleClass; }

        public String styleClass() { return styleClass; }
    }
}
