package app.cosell.model;

/** A partner solution of ListSolutions, which an opportunity links with AssociateOpportunity. */
public record Solution(String id, String name, String status, String category) {

    public boolean isActive() { return "Active".equals(status); }
}
