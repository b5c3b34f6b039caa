package app.cosell.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fault injection: makes every exception and every task reason code reachable on demand, so each failure
 * path of a client can be exercised. Two kinds of rule:
 * <ul>
 *   <li>operation rules: for an operation (or {@code *}), answer with a modeled exception, drop the
 *   connection, or answer slowly — on the next N calls or with a probability;</li>
 *   <li>task rules: make a StartEngagementFromOpportunityTask fail at a step with a given ReasonCode.</li>
 * </ul>
 * The same JSON drives the {@code --faults FILE} flag, the admin endpoint and {@link #replace(String)};
 * docs/emulator.md describes it. Thread-safe.
 */
public final class Faults {

    /** Kinds of operation fault: the seven modeled exceptions, a dropped connection and a slow answer. */
    static final List<String> KINDS = List.of("ThrottlingException", "InternalServerException",
            "AccessDeniedException", "ServiceQuotaExceededException", "ConflictException",
            "ResourceNotFoundException", "ValidationException", "ConnectionReset", "Slow");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("throttling", "ThrottlingException"), Map.entry("throttle", "ThrottlingException"),
            Map.entry("internalerror", "InternalServerException"), Map.entry("internal", "InternalServerException"),
            Map.entry("accessdenied", "AccessDeniedException"),
            Map.entry("servicequotaexceeded", "ServiceQuotaExceededException"),
            Map.entry("quota", "ServiceQuotaExceededException"), Map.entry("conflict", "ConflictException"),
            Map.entry("notfound", "ResourceNotFoundException"),
            Map.entry("resourcenotfound", "ResourceNotFoundException"), Map.entry("validation", "ValidationException"),
            Map.entry("connectionreset", "ConnectionReset"), Map.entry("reset", "ConnectionReset"),
            Map.entry("slow", "Slow"));

    /** An operation rule; {@code remaining} below zero means unlimited. */
    static final class OperationRule {
        final String operation;
        final String fault;
        final double probability;
        int remaining;
        final long delayMillis;
        final String message;
        /** True for {@code "when": "after"}: the call is processed, then its answer is lost, failed or slowed. */
        final boolean after;

        OperationRule(String operation, String fault, double probability, int remaining, long delayMillis,
                      String message) {
            this(operation, fault, probability, remaining, delayMillis, message, false);
        }

        OperationRule(String operation, String fault, double probability, int remaining, long delayMillis,
                      String message, boolean after) {
            this.operation = operation;
            this.fault = fault;
            this.probability = probability;
            this.remaining = remaining;
            this.delayMillis = delayMillis;
            this.message = message;
            this.after = after;
        }
    }

    /** A task rule; {@code opportunityId}/{@code catalog} null match any; {@code remaining} below zero = always. */
    static final class TaskRule {
        final String catalog;
        final String opportunityId;
        final String reasonCode;
        final TaskStep step;
        int remaining;
        final String message;

        TaskRule(String catalog, String opportunityId, String reasonCode, TaskStep step, int remaining,
                 String message) {
            this.catalog = catalog;
            this.opportunityId = opportunityId;
            this.reasonCode = reasonCode;
            this.step = step;
            this.remaining = remaining;
            this.message = message;
        }
    }

    /**
     * What the HTTP front must do for one call.
     *
     * @param after true when the call must be processed first (the service acted) and only its answer is affected
     */
    record OperationFault(String kind, long delayMillis, String message, boolean after) {
        OperationFault(String kind, long delayMillis, String message) {
            this(kind, delayMillis, message, false);
        }
    }

    /** How a task step must fail. */
    record TaskFault(String reasonCode, String message) {
    }

    private static final java.util.regex.Pattern UNLISTED_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final List<OperationRule> operationRules = new ArrayList<>();
    private final List<TaskRule> taskRules = new ArrayList<>();
    private final SplittableRandom random;
    /** Lets every call skip the lock when no operation rule exists, the usual case. */
    private volatile boolean operationRulesPresent;

    Faults(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Replaces every rule with those of the JSON document (format in docs/emulator.md). */
    public void replace(String json) {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("fault JSON is not valid JSON: " + e.getMessage(), e);
        }
        replace(root);
    }

    synchronized void replace(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("fault JSON must be an object with \"operations\" and/or \"tasks\"");
        }
        Rules rules = parseRules(root);
        operationRules.clear();
        operationRules.addAll(rules.operations());
        operationRulesPresent = !operationRules.isEmpty();
        taskRules.clear();
        taskRules.addAll(rules.tasks());
    }

    /** Adds rules from a JSON document, keeping the existing ones. */
    synchronized void add(JsonNode root) {
        Rules rules = parseRules(root);
        operationRules.addAll(rules.operations());
        taskRules.addAll(rules.tasks());
        operationRulesPresent = !operationRules.isEmpty();
    }

    /** The rules of a fault document, all parsed before any is applied. */
    private record Rules(List<OperationRule> operations, List<TaskRule> tasks) {
    }

    private static Rules parseRules(JsonNode root) {
        List<OperationRule> operations = new ArrayList<>();
        for (JsonNode rule : root.path("operations")) {
            operations.add(parseOperationRule(rule));
        }
        List<TaskRule> tasks = new ArrayList<>();
        for (JsonNode rule : root.path("tasks")) {
            tasks.add(parseTaskRule(rule));
        }
        return new Rules(operations, tasks);
    }

    /** Removes every rule. */
    public synchronized void clear() {
        operationRules.clear();
        taskRules.clear();
        operationRulesPresent = false;
    }

    /** The next {@code count} calls of {@code operation} ({@code *} = any) fail with {@code fault}. */
    public synchronized void failNext(String operation, String fault, int count) {
        operationRules.add(new OperationRule(operation, canonicalKind(fault), 1.0, count, 3000, null));
        operationRulesPresent = true;
    }

    /** Each call of {@code operation} fails with {@code fault} with the given probability, until cleared. */
    public synchronized void failRandomly(String operation, String fault, double probability) {
        operationRules.add(new OperationRule(operation, canonicalKind(fault), checkProbability(probability), -1,
                3000, null));
        operationRulesPresent = true;
    }

    /**
     * The next {@code count} calls of {@code operation} ({@code *} = any) are processed — the service acts — and then
     * answered with {@code fault} instead of their result: the connection dropped, an error, or (Slow) the real answer
     * after 3 s. The "created but unanswered" case of a client's retry logic.
     */
    public synchronized void failNextAfter(String operation, String fault, int count) {
        operationRules.add(new OperationRule(operation, canonicalKind(fault), 1.0, count, 3000, null, true));
        operationRulesPresent = true;
    }

    /** Like {@link #failNextAfter} for each call with the given probability, until cleared. */
    public synchronized void failRandomlyAfter(String operation, String fault, double probability) {
        operationRules.add(new OperationRule(operation, canonicalKind(fault), checkProbability(probability), -1,
                3000, null, true));
        operationRulesPresent = true;
    }

    /** The next {@code count} calls of {@code operation} are answered after {@code delay}. */
    public synchronized void slowNext(String operation, Duration delay, int count) {
        operationRules.add(new OperationRule(operation, "Slow", 1.0, count, delay.toMillis(), null));
        operationRulesPresent = true;
    }

    /**
     * The next {@code count} tasks started for {@code opportunityId} (null = any) fail with {@code reasonCode}
     * at {@code step} (null = the step the code belongs to; GetOpportunity for codes valid at any step).
     */
    public synchronized void failTask(String opportunityId, String reasonCode, String step, int count) {
        taskRules.add(new TaskRule(null, opportunityId, reasonCode, resolveStep(reasonCode, step, false), count, null));
    }

    /**
     * Like {@link #failTask} with a ReasonCode the service model does not list, the way a newer service could
     * answer: the code goes to the wire as given, at {@code step} (null = GetOpportunity).
     */
    public synchronized void failTaskWithUnlistedCode(String opportunityId, String reasonCode, String step, int count) {
        taskRules.add(new TaskRule(null, opportunityId, reasonCode, resolveStep(reasonCode, step, true), count, null));
    }

    /** The rules as JSON, in the format {@link #replace(String)} reads. */
    public synchronized String toJson() {
        return toJsonNode().toPrettyString();
    }

    synchronized ObjectNode toJsonNode() {
        ObjectNode root = WireJson.object();
        ArrayNode operations = root.putArray("operations");
        for (OperationRule rule : operationRules) {
            ObjectNode node = operations.addObject();
            node.put("operation", rule.operation);
            node.put("fault", rule.fault);
            if (rule.remaining >= 0) {
                node.put("next", rule.remaining);
            }
            if (rule.probability < 1.0) {
                node.put("probability", rule.probability);
            }
            if ("Slow".equals(rule.fault)) {
                node.put("delayMillis", rule.delayMillis);
            }
            WireJson.put(node, "message", rule.message);
            if (rule.after) {
                node.put("when", "after");
            }
        }
        ArrayNode tasks = root.putArray("tasks");
        for (TaskRule rule : taskRules) {
            ObjectNode node = tasks.addObject();
            WireJson.put(node, "catalog", rule.catalog);
            WireJson.put(node, "opportunityId", rule.opportunityId);
            node.put("reasonCode", rule.reasonCode);
            if (!TaskStep.isListed(rule.reasonCode)) {
                node.put("unlisted", true);
            }
            node.put("step", rule.step.wireName);
            if (rule.remaining >= 0) {
                node.put("next", rule.remaining);
            }
            WireJson.put(node, "message", rule.message);
        }
        return root;
    }

    /** The fault for this call of {@code operation}, or null; consumes one use of a counted rule. */
    OperationFault nextOperationFault(String operation) {
        if (!operationRulesPresent) {
            return null;
        }
        synchronized (this) {
            OperationFault fault = matchOperationRule(operation);
            operationRulesPresent = !operationRules.isEmpty();
            return fault;
        }
    }

    private OperationFault matchOperationRule(String operation) {
        for (int i = 0; i < operationRules.size(); i++) {
            OperationRule rule = operationRules.get(i);
            if (!rule.operation.equals("*") && !rule.operation.equals(operation)) {
                continue;
            }
            if (rule.probability < 1.0 && random.nextDouble() >= rule.probability) {
                continue;
            }
            if (rule.remaining > 0 && --rule.remaining == 0) {
                operationRules.remove(i);
            }
            return new OperationFault(rule.fault, rule.delayMillis, rule.message, rule.after);
        }
        return null;
    }

    /** The forced failure of this task step, or null; consumes one use of a counted rule. */
    synchronized TaskFault nextTaskFault(String catalog, String opportunityId, TaskStep step) {
        for (int i = 0; i < taskRules.size(); i++) {
            TaskRule rule = taskRules.get(i);
            if (rule.step != step || (rule.catalog != null && !rule.catalog.equals(catalog))
                    || (rule.opportunityId != null && !rule.opportunityId.equals(opportunityId))) {
                continue;
            }
            if (rule.remaining > 0 && --rule.remaining == 0) {
                taskRules.remove(i);
            }
            String message = rule.message != null ? rule.message
                    : TaskStep.describe(rule.reasonCode, opportunityId) + " (injected fault)";
            return new TaskFault(rule.reasonCode, message);
        }
        return null;
    }

    private static OperationRule parseOperationRule(JsonNode rule) {
        String operation = rule.path("operation").asText("*");
        String fault = canonicalKind(rule.path("fault").asText(""));
        double probability = checkProbability(rule.path("probability").asDouble(1.0));
        int remaining = rule.has("next") ? rule.get("next").asInt() : -1;
        if (rule.has("next") && remaining <= 0) {
            throw new IllegalArgumentException("\"next\" must be a positive count");
        }
        String when = rule.path("when").asText("before");
        if (!when.equals("before") && !when.equals("after")) {
            throw new IllegalArgumentException("\"when\" must be \"before\" or \"after\"");
        }
        return new OperationRule(operation, fault, probability, remaining, rule.path("delayMillis").asLong(3000),
                rule.hasNonNull("message") ? rule.get("message").asText() : null, when.equals("after"));
    }

    private static TaskRule parseTaskRule(JsonNode rule) {
        String code = rule.path("reasonCode").asText("");
        TaskStep step = resolveStep(code, rule.hasNonNull("step") ? rule.get("step").asText() : null,
                rule.path("unlisted").asBoolean(false));
        int remaining = rule.has("next") ? rule.get("next").asInt() : -1;
        if (rule.has("next") && remaining <= 0) {
            throw new IllegalArgumentException("\"next\" must be a positive count");
        }
        return new TaskRule(rule.hasNonNull("catalog") ? rule.get("catalog").asText() : null,
                rule.hasNonNull("opportunityId") ? rule.get("opportunityId").asText() : null, code, step, remaining,
                rule.hasNonNull("message") ? rule.get("message").asText() : null);
    }

    private static TaskStep resolveStep(String reasonCode, String step, boolean unlisted) {
        if (unlisted) {
            if (!UNLISTED_CODE.matcher(reasonCode).matches()) {
                throw new IllegalArgumentException("an unlisted reasonCode must be 1-64 letters, digits or _");
            }
            if (TaskStep.isListed(reasonCode)) {
                throw new IllegalArgumentException(reasonCode + " is one of the model's ReasonCodes; drop \"unlisted\"");
            }
            return step == null || step.isBlank() ? TaskStep.GET_OPPORTUNITY : TaskStep.ofName(step);
        }
        TaskStep home = TaskStep.ofReasonCode(reasonCode);
        if (step == null || step.isBlank()) {
            return home == null ? TaskStep.GET_OPPORTUNITY : home;
        }
        return TaskStep.ofName(step);
    }

    private static String canonicalKind(String fault) {
        if (KINDS.contains(fault)) {
            return fault;
        }
        String alias = ALIASES.get(fault.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""));
        if (alias == null) {
            throw new IllegalArgumentException("unknown fault '" + fault + "'; use one of " + KINDS);
        }
        return alias;
    }

    private static double checkProbability(double probability) {
        if (probability <= 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be in (0, 1]");
        }
        return probability;
    }
}
