package app.cosell.ui.settings;

import app.cosell.model.ReasonCode;
import app.cosell.model.TaskStep;
import app.cosell.ui.common.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failures a trainer can make the local emulator produce, one at a time: every task ReasonCode (the task fails
 * at its step), and call-level faults on starting a task or listing opportunities. Each scenario is an id (saved in
 * the settings) and the emulator's fault JSON for it (see the emulator's admin API, {@code /_emulator/faults}).
 */
public final class FaultScenarios {

    private static final String START = "StartEngagementFromOpportunityTask";
    private static final String LIST = "ListOpportunities";
    /** Call-level scenarios: id -> (operation, fault kind). */
    private static final Map<String, String[]> CALLS = new LinkedHashMap<>();

    static {
        CALLS.put("start:ThrottlingException", new String[] {START, "ThrottlingException"});
        CALLS.put("start:AccessDeniedException", new String[] {START, "AccessDeniedException"});
        CALLS.put("start:ValidationException", new String[] {START, "ValidationException"});
        CALLS.put("start:ConflictException", new String[] {START, "ConflictException"});
        CALLS.put("start:ServiceQuotaExceededException", new String[] {START, "ServiceQuotaExceededException"});
        CALLS.put("start:InternalServerException", new String[] {START, "InternalServerException"});
        CALLS.put("start:ConnectionReset", new String[] {START, "ConnectionReset"});
        CALLS.put("list:InternalServerException", new String[] {LIST, "InternalServerException"});
        CALLS.put("list:AccessDeniedException", new String[] {LIST, "AccessDeniedException"});
        CALLS.put("all:Slow", new String[] {"*", "Slow"});
    }

    private FaultScenarios() {}

    /** Every scenario id, task failures first (in ReasonCode order). */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (ReasonCode c : ReasonCode.values()) ids.add("task:" + c.name());
        ids.addAll(CALLS.keySet());
        return ids;
    }

    /** The emulator's fault document for {@code id} (null: no fault). */
    public static Map<String, Object> faultJson(String id) {
        if (id == null || id.isBlank()) return Map.of();
        if (id.startsWith("task:")) {
            return Map.of("tasks", List.of(Map.of("reasonCode", id.substring("task:".length()))));
        }
        String[] call = CALLS.get(id);
        if (call == null) throw new IllegalArgumentException("Unknown fault scenario " + id);
        return Map.of("operations", List.of(Map.of("operation", call[0], "fault", call[1])));
    }

    /** How the settings screen names a scenario. */
    public static String describe(String id) {
        if (id == null || id.isBlank()) return Messages.get("settings.fault.none");
        if (id.startsWith("task:")) {
            ReasonCode code = ReasonCode.fromWire(id.substring("task:".length()));
            TaskStep step = code == null ? null : code.step();
            return step == null
                    ? Messages.format("settings.fault.task.anyStep", id.substring(5))
                    : Messages.format("settings.fault.task", id.substring(5), step.operation());
        }
        String[] call = CALLS.get(id);
        if (call == null) return id;
        return Messages.format("settings.fault.call." + id.substring(0, id.indexOf(':')), call[1]);
    }
}
