package cn.jiandu.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The commission's groups (docs/route.md): ids are a contract, names are what people read. */
public final class Groups {

    public static final String CASE_MANAGEMENT = "case-management";
    public static final String TEAM_NORTH = "team-north";
    public static final String TEAM_SOUTH = "team-south";
    public static final String STATIONED = "stationed";
    public static final String CASE_REVIEW = "case-review";
    public static final String LEADERS = "leaders";
    public static final String OFFICE = "office";
    public static final String PUBLICITY = "publicity";
    public static final String ADMIN = "camunda-admin";
    /** Name of the administrators' group; the engine creates it as "camunda BPM Administrators". */
    public static final String ADMIN_NAME = "系统管理员";

    public static final Map<String, String> NAMES = names();

    /** Groups that may report a problem (POST /api/cases, the start form). */
    public static final List<String> REPORTERS = List.of(CASE_MANAGEMENT, TEAM_NORTH, TEAM_SOUTH, STATIONED, LEADERS);

    /** Groups entitled to the reporter's identity. */
    public static final List<String> REPORTER_IDENTITY_READERS = List.of(CASE_MANAGEMENT, LEADERS);

    private Groups() {
    }

    public static String teamOfZone(String zone) {
        return "SOUTH".equals(zone) ? TEAM_SOUTH : TEAM_NORTH;
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(CASE_MANAGEMENT, "案件监督管理室");
        names.put(TEAM_NORTH, "第一监督检查组（北片区）");
        names.put(TEAM_SOUTH, "第二监督检查组（南片区）");
        names.put(STATIONED, "派驻纪检监察组");
        names.put(CASE_REVIEW, "案件审理室");
        names.put(LEADERS, "委领导");
        names.put(OFFICE, "办公室");
        names.put(PUBLICITY, "宣传部");
        return java.util.Collections.unmodifiableMap(names);
    }
}
