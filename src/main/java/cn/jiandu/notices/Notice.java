package cn.jiandu.notices;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;

/** A public notice: only what the public may read (no reporter, no internal remarks). */
record Notice(
        Long id,
        String caseNumber,
        String title,
        String body,
        String unit,
        String problemType,
        String measure,
        @JsonIgnore String approvedBy,
        OffsetDateTime publishedAt) {
}
