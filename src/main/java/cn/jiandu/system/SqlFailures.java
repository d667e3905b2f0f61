package cn.jiandu.system;

import java.sql.SQLException;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;

/**
 * A failed statement as an answer that shows no SQL. The database's message names tables, columns and
 * statements, which is for the log, not for the caller. A value the database refuses (SQLState class 22:
 * too long, invalid characters) or that breaks a constraint (class 23) came with the request; anything
 * else is the system's fault.
 */
final class SqlFailures {

    record Answer(HttpStatus status, String detail) {
    }

    private SqlFailures() {
    }

    static Optional<Answer> answer(Throwable thrown) {
        SQLException sql = Causes.find(thrown, SQLException.class);
        if (sql == null) {
            return Causes.find(thrown, DataAccessException.class) == null ? Optional.empty()
                    : Optional.of(new Answer(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTexts.SERVER_ERROR));
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.equals("23505")) {
            return Optional.of(new Answer(HttpStatus.CONFLICT, "提交的内容与已保存的数据重复，未保存。"));
        }
        if (state.startsWith("22")) {
            return Optional.of(new Answer(HttpStatus.BAD_REQUEST,
                    "提交的某项内容过长或含有无法保存的字符，未保存。请检查后重试。"));
        }
        if (state.startsWith("23")) {
            return Optional.of(new Answer(HttpStatus.BAD_REQUEST, "提交的内容缺少必填项或与已保存的数据不一致，未保存。"));
        }
        return Optional.of(new Answer(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTexts.SERVER_ERROR));
    }
}
