package cn.jiandu.cases;

/** The same Idempotency-Key was used before with a different report. */
class IdempotencyConflictException extends cn.jiandu.system.ConflictException {

    IdempotencyConflictException(String key, String caseNumber) {
        super("Idempotency-Key “" + key + "” 已用于另一份内容不同的报告（案件 " + caseNumber
                + "）。同一个键只能用于重发完全相同的报告；新报告请使用新的键。");
    }
}
