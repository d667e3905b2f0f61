package cn.jiandu.documents;

import cn.jiandu.support.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same story on PostgreSQL, the production database: its types, its catalogue, its time zones. */
class CaseDocumentsOnPostgresTest extends CaseDocumentsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "case_documents");
    }
}
