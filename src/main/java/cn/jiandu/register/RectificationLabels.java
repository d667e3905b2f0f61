package cn.jiandu.register;

import java.util.Map;
import org.springframework.stereotype.Component;

/** The words the case page and the unit's history use for a rectification's results, modes and events. */
@Component("rectificationLabels")
class RectificationLabels {

    private static final Map<String, String> CHECK_RESULTS = Map.of(
            "ACCEPTED", "整改到位", "PARTLY", "部分整改到位", "REJECTED", "整改不到位");
    private static final Map<String, String> FOLLOW_UP_MODES = Map.of("ON_SITE", "实地回访", "VIDEO", "视频回访");
    private static final Map<String, String> FOLLOW_UP_RESULTS = Map.of("SUSTAINED", "整改成效巩固", "RELAPSED", "问题反弹");
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

    /** The result an event recorded: a check's or a follow-up's. */
    public String result(String code) {
        return FOLLOW_UP_RESULTS.containsKey(code) ? followUpResult(code) : checkResult(code);
    }

    public String event(String code) {
        return of(EVENTS, code);
    }

    private static String of(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }
}
