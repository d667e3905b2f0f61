package cn.jiandu.engineapi;

import cn.jiandu.engineapi.EngineCall.Area;
import java.util.List;
import java.util.Set;

/**
 * Which calls to the engine's API reach the engine. Reads pass (the engine's authorizations
 * decide what each user sees). Of the writes, officers may only query, claim a task for
 * themselves, comment, complete a task or start a process with what that step takes, and change
 * their own profile; administrators may do what operating the engine needs, but nobody may write
 * variables, move, restart, delete or message a running case, or change a task's assignee, name
 * or due date by hand: those would forge the record or skip a step.
 */
final class EngineApiRules {

    static final String STAFF_REFUSED = "此操作不对业务人员开放：请在 Tasklist 中办理本人所在组的任务。";
    static final String NOBODY = "为保证案件记录真实完整，任何人都不能通过接口直接修改流程变量、跳转或删除流程、"
            + "改派任务或修改任务期限；改派和延期由委领导在“逾期督办”环节决定，流程迁移请使用 /admin/migrations。";
    static final String COCKPIT_ONLY_ADMINS = "Cockpit 和 Admin 仅对系统管理员（camunda-admin）开放。";
    static final String LOGIN = "需要登录。";

    /** POST requests of the engine API that only query. */
    private static final List<String> QUERIES = List.of("task", "task/count", "filter/*/list", "filter/*/count",
            "filter/*/singleResult", "process-instance", "process-instance/count", "execution", "execution/count",
            "variable-instance", "variable-instance/count", "job", "job/count", "incident", "incident/count",
            "history/*", "history/*/count");

    private static final Set<String> MODIFYING_HISTORY = Set.of("cleanup", "delete", "set-removal-time",
            "delete-historic-query-based", "set-removal-time-async");

    private EngineApiRules() {
    }

    static Verdict judge(EngineCall call, Caller caller) {
        return switch (call.area()) {
            case WEBAPP_LOGIN, OTHER_WEBAPP -> new Verdict.Pass();
            case COCKPIT, ADMIN -> caller == null ? new Verdict.Refuse(401, LOGIN)
                    : caller.isAdministrator() ? new Verdict.Pass() : new Verdict.Refuse(403, COCKPIT_ONLY_ADMINS);
            case ENGINE -> engine(call, caller);
        };
    }

    private static Verdict engine(EngineCall call, Caller caller) {
        if (call.reads()) {
            return new Verdict.Pass();
        }
        if (caller == null) {
            return new Verdict.Refuse(401, LOGIN);
        }
        if (call.is("POST", "task/*/complete") || call.is("POST", "task/*/submit-form")) {
            return new Verdict.WorkOnTask(call.segment(1));
        }
        if (call.is("POST", "task/*/claim")) {
            return new Verdict.Claim(call.segment(1));
        }
        Verdict start = start(call);
        if (start != null) {
            return start;
        }
        if (call.is("PUT", "user/*/profile") || call.is("PUT", "user/*/credentials")) {
            return caller.id().equals(call.segment(1)) || caller.isAdministrator() ? new Verdict.Pass()
                    : new Verdict.Refuse(403, "只能修改本人的资料和密码。");
        }
        if (caller.isAdministrator() && (call.is("POST", "filter/create") || call.is("PUT", "filter/*"))) {
            return new Verdict.SaveFilter();
        }
        if (forNobody(call)) {
            return new Verdict.Refuse(403, NOBODY);
        }
        if (caller.isAdministrator() || forStaff(call)) {
            return new Verdict.Pass();
        }
        return new Verdict.Refuse(403, STAFF_REFUSED);
    }

    private static Verdict start(EngineCall call) {
        for (String action : List.of("start", "submit-form")) {
            if (call.is("POST", "process-definition/*/" + action)) {
                return new Verdict.Start(call.segment(1), null);
            }
            if (call.is("POST", "process-definition/key/*/" + action)
                    || call.is("POST", "process-definition/key/*/tenant-id/*/" + action)) {
                return new Verdict.Start(null, call.segment(2));
            }
        }
        return null;
    }

    private static boolean forStaff(EngineCall call) {
        return QUERIES.stream().anyMatch(query -> call.is("POST", query))
                && !(call.segment(0).equals("history") && MODIFYING_HISTORY.contains(call.segment(1)))
                || call.is("POST", "task/*/unclaim")
                || call.is("POST", "task/*/comment/create");
    }

    /** Writes that would forge a case's record or skip a step, whoever asks. */
    private static boolean forNobody(EngineCall call) {
        List<String> path = call.path();
        String resource = path.isEmpty() ? "" : path.get(0);
        if (path.contains("variables") || path.contains("localVariables")) {
            return true;
        }
        return switch (resource) {
            case "task" -> !(call.is("POST", "task") || call.is("POST", "task/count")
                    || call.is("POST", "task/*/unclaim") || path.contains("comment"));
            case "execution", "case-instance", "case-execution", "case-definition", "message", "signal",
                    "condition", "modification", "migration", "external-task" ->
                    !(call.is("POST", "execution") || call.is("POST", "execution/count")
                            || call.is("POST", "external-task") || call.is("POST", "external-task/count"));
            case "process-instance" -> call.method().equals("DELETE") || path.stream().anyMatch(segment ->
                    segment.startsWith("modification") || segment.startsWith("delete"));
            case "process-definition" -> path.stream().anyMatch(segment -> segment.startsWith("restart"))
                    || call.method().equals("DELETE") && call.cascade();
            case "deployment" -> call.method().equals("DELETE") && call.cascade();
            case "history" -> call.method().equals("DELETE") || path.stream().anyMatch(MODIFYING_HISTORY::contains);
            default -> false;
        };
    }
}
