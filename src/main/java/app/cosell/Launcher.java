package app.cosell;

public final class Launcher {
    public static void main(String[] args) {
        System.out.println("java " + Runtime.version());
    }
}
