package cn.jiandu.rectification;

import cn.jiandu.common.Labelled;
import cn.jiandu.rectification.RectificationEnums.CheckResult;
import cn.jiandu.rectification.RectificationEnums.FollowUpMode;
import cn.jiandu.rectification.RectificationEnums.FollowUpResult;
import cn.jiandu.rectification.RectificationEnums.OverdueAction;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The words pages use for a rectification's results, modes and events (bean {@code rectificationLabels} in
 * the case page and the unit's history): the same labels as the forms, from the steps' own value lists.
 */
@Component("rectificationLabels")
public class RectificationLabels {

    private static final Map<String, String> CHECK_RESULTS = labels(CheckResult.values());
    private static final Map<String, String> FOLLOW_UP_MODES = labels(FollowUpMode.values());
    private static final Map<String, String> FOLLOW_UP_RESULTS = labels(FollowUpResult.values());
    private static final Map<String, String> OVERDUE_ACTIONS = labels(OverdueAction.values());
    private static final Map<String, String> EVENTS = Map.of(
            "NOTICE_ISSUED", "下发整改通知", "REPORTED", "单位报送整改情况", "CHECKED", "核查整改情况",
            "REMINDED", "到期提醒", "URGED", "领导督促", "EXTENDED", "延长整改期限", "FOLLOWED_UP", "回头看",
            "ESCALATED", "转立案追究", "COMPLETED", "整改完成");

    public String checkResult(String code) {
        return of(CHECK_RESULTS, code);
    }

    public String followUpMode(String code) {
        return of(FOLLOW_UP_MODES, code);
    }

    public String followUpResult(String code) {
        return of(FOLLOW_UP_RESULTS, code);
    }

    /** The result an event recorded: a check's, a follow-up's or the leaders' decision on an overdue one. */
    public String result(String code) {
        if (FOLLOW_UP_RESULTS.containsKey(code)) {
            return followUpResult(code);
        }
        return OVERDUE_ACTIONS.containsKey(code) ? of(OVERDUE_ACTIONS, code) : checkResult(code);
    }

    public String event(String code) {
        return of(EVENTS, code);
    }

    private static String of(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }

    private static <E extends Enum<E> & Labelled> Map<String, String> labels(E[] values) {
        return Arrays.stream(values).collect(Collectors.toUnmodifiableMap(Enum::name, Labelled::label));
    }
}
