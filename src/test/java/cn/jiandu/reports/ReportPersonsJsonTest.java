package cn.jiandu.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The persons of a stored report as Jackson reads them back: whatever codes the report was stored
 * with, every code of today's lists is there in its order, and a code no longer listed is kept.
 */
class ReportPersonsJsonTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void aStoredReportWithFewerCodesReadsWithEveryCodeInOrder() throws Exception {
        ReportFigures.Persons p = json.readValue("""
                {"total": 3, "byMeasure": {"ADMONISHMENT": 2, "RETIRED_MEASURE": 1}, "byForm": {"FIRST": 2}}""",
                ReportFigures.Persons.class);

        assertThat(p.byMeasure().keySet()).startsWith(ReportFigures.Persons.MEASURES.toArray(String[]::new))
                .endsWith("RETIRED_MEASURE");
        assertThat(p.byMeasure().get("ADMONISHMENT")).isEqualTo(2);
        assertThat(p.byMeasure().get("TALK_REMINDER")).isZero();
        assertThat(p.byForm()).containsExactly(Map.entry("FIRST", 2L), Map.entry("SECOND", 0L),
                Map.entry("THIRD", 0L), Map.entry("FOURTH", 0L), Map.entry("PROPOSE_FILING", 0L));
        assertThat(p.byResponsibility()).containsOnlyKeys(ReportFigures.Persons.RESPONSIBILITIES).containsValue(0L);
    }

    @Test
    void figuresWithoutPersonsHaveZeroPersons() {
        ReportFigures f = new ReportFigures(null, null, null, null, 0, null, null, null, null, null, null, null, 0, null);

        assertThat(f.persons().total()).isZero();
        assertThat(f.persons().byForm().values()).containsOnly(0L);
        assertThat(f.organisations().total()).isZero();
        assertThat(f.organisations().byMeasure()).containsOnlyKeys("ORG_INSPECTION", "ORG_CIRCULATION",
                "ORG_REORGANIZATION");
    }
}
