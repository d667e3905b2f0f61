package cn.jiandu.documents;

import cn.jiandu.cases.CaseEnums;
import cn.jiandu.common.Labelled;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;

/** Codes as a document reads them: Chinese labels, dates as 2026年12月5日, a dash for what is not recorded. */
final class Texts {

    static final String NOT_RECORDED = "—";

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Map<String, String> OUTCOMES = Map.of(
            "CLOSED_AT_TRIAGE", "予以了结（研判阶段）",
            "INQUIRY_ACCEPTED", "谈话函询采信了结",
            "INQUIRY_SATISFACTORY", "谈话函询了结",
            "UNSUBSTANTIATED", "经核实不属实，予以了结",
            "ACCOUNTABILITY", "问责",
            "EXEMPTED", "容错免责",
            "REFERRED", "移交有关党组织处理",
            "REFERRED_FOR_INVESTIGATION", "移送审查调查（立案）");

    private static final Map<String, String> STAGES = Map.ofEntries(
            Map.entry("REGISTERED", "已登记"), Map.entry("TRIAGE", "研判"), Map.entry("DISPOSAL_APPROVAL", "处置审批"),
            Map.entry("INQUIRY", "谈话函询"), Map.entry("ON_HOLD", "暂存待查"), Map.entry("VERIFICATION", "初步核实"),
            Map.entry("FAULT_TOLERANCE", "容错纠错审查"), Map.entry("DECISION", "问责决定"),
            Map.entry("DEFENCE", "陈述申辩"), Map.entry("APPROVAL", "委领导审批"), Map.entry("SERVICE", "送达"),
            Map.entry("NOTICE", "待通报曝光"), Map.entry("CLOSED", "已办结"));

    private Texts() {
    }

    /** The label of a code of one of Jiandu's lists; the code itself if it is unknown, a dash if none. */
    static <E extends Enum<E> & Labelled> String label(Class<E> type, String code) {
        if (code == null || code.isBlank()) {
            return NOT_RECORDED;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code)).findFirst()
                .map(Labelled::label).orElse(code);
    }

    static String label(Labelled value) {
        return value == null ? NOT_RECORDED : value.label();
    }

    static String source(String code) {
        return label(CaseEnums.Source.class, code);
    }

    static String outcome(String code) {
        return code == null ? "办理中" : OUTCOMES.getOrDefault(code, code);
    }

    static String stage(String code) {
        return code == null ? NOT_RECORDED : STAGES.getOrDefault(code, code);
    }

    static String or(String text) {
        return text == null || text.isBlank() ? NOT_RECORDED : text.strip();
    }

    static String yesNo(Boolean value) {
        return value == null ? NOT_RECORDED : value ? "是" : "否";
    }

    static String date(LocalDate day) {
        return day == null ? NOT_RECORDED : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    static String date(OffsetDateTime time, ZoneId zone) {
        return time == null ? NOT_RECORDED : date(time.atZoneSameInstant(zone).toLocalDate());
    }

    static String date(Date time, ZoneId zone) {
        return time == null ? NOT_RECORDED : date(time.toInstant().atZone(zone).toLocalDate());
    }

    /** 2026-12-05 14:30: short enough for a column of the timeline. */
    static String minute(Date time, ZoneId zone) {
        return time == null ? NOT_RECORDED
                : MINUTE.format(time.toInstant().atZone(zone));
    }

    /** A recorded text as a sentence of a document: ends with a full stop unless it ends with punctuation. */
    static String sentence(String text) {
        String t = or(text);
        return t.equals(NOT_RECORDED) || "。！？；.!?;”）)".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + "。";
    }
}
