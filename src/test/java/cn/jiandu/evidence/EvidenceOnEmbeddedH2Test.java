package cn.jiandu.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.evidence.EvidenceClient.FilePart;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded default (H2) keeps evidence bytes too: its own migration (a BLOB where PostgreSQL has BYTEA)
 * stores a spreadsheet filed with the report, and the download gives back the same bytes. The dossier
 * reads the same entry, with the same hash, through EvidenceLedger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:evidence;DB_CLOSE_DELAY=-1"})
class EvidenceOnEmbeddedH2Test {

    @LocalServerPort
    int port;
    @Autowired
    EvidenceLedger evidenceLedger;

    @Test
    void aSpreadsheetFiledWithTheReportComesBackByteForByte() {
        Http http = new Http(port);
        EvidenceClient evidence = new EvidenceClient(port);
        String caseNumber = http.post("intake1", "/api/cases", Map.of("title", "西城社区防疫物资账目不清",
                "description", "物资发放台账与库存不符", "source", "HOTLINE", "unit", "西城社区居委会",
                "zone", "NORTH")).expect(201, "report").json().get("caseNumber").asText();
        byte[] ledger = SampleFiles.xlsx();

        Answer filed = evidence.upload("intake1", caseNumber, new FilePart("物资发放台账.xlsx", null, ledger),
                "step", "caseReported", "description", "举报人随电话提供的台账");

        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("stepName").asText()).isEqualTo("发现问题线索");
        assertThat(filed.json().get("typeLabel").asText()).isEqualTo("Excel 表格（xlsx）");
        HttpResponse<byte[]> download = evidence.download("leader1", "/api/cases/" + caseNumber + "/evidence/"
                + filed.json().get("id").asLong());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(ledger);
        assertThat(download.headers().firstValue("Content-Type"))
                .contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        assertThat(evidenceLedger.list(caseNumber)).singleElement().satisfies(entry -> {
            assertThat(entry.fileName()).isEqualTo("物资发放台账.xlsx");
            assertThat(entry.sha256()).isEqualTo(filed.json().get("sha256").asText()).hasSize(64);
            assertThat(entry.uploadedBy()).isEqualTo("intake1");
            assertThat(entry.withdrawn()).isFalse();
        });
        assertThat(evidenceLedger.listFor(new CurrentUser("south1", List.of(Groups.TEAM_SOUTH)), caseNumber)).isEmpty();
        assertThat(evidenceLedger.listFor(new CurrentUser("north1", List.of(Groups.TEAM_NORTH)), caseNumber)).get()
                .satisfies(entries -> assertThat(entries).hasSize(1));
    }
}
