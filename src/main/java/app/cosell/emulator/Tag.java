package app.cosell.emulator;

/** A resource tag (Key/Value), as TagResource and the Start/Create operations carry it. */
record Tag(String key, String value) {
}
