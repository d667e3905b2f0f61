package cn.jiandu.security;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an attack must leave as it was: Jiandu's record of every case, the engine's open tasks
 * (name, assignee, due date), the variables it holds and the history it keeps.
 */
record RecordTrace(List<Map<String, Object>> cases, List<Map<String, Object>> tasks,
        List<Map<String, Object>> variables, long historyDetails, long historicVariables, long operations,
        long identityLinks, long executions) {

    static RecordTrace of(JdbcTemplate jdbc) {
        return new RecordTrace(
                jdbc.queryForList("SELECT * FROM jd_case ORDER BY id"),
                jdbc.queryForList("SELECT ID_, NAME_, ASSIGNEE_, OWNER_, DUE_DATE_, PRIORITY_, TASK_DEF_KEY_"
                        + " FROM ACT_RU_TASK ORDER BY ID_"),
                jdbc.queryForList("SELECT NAME_, TYPE_, TEXT_, LONG_, EXECUTION_ID_ FROM ACT_RU_VARIABLE ORDER BY ID_"),
                count(jdbc, "ACT_HI_DETAIL"), count(jdbc, "ACT_HI_VARINST"), count(jdbc, "ACT_HI_OP_LOG"),
                count(jdbc, "ACT_RU_IDENTITYLINK"), count(jdbc, "ACT_RU_EXECUTION"));
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
