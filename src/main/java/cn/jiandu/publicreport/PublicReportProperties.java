package cn.jiandu.publicreport;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits of the public reporting page (application.yaml, jiandu.public-report; JIANDU_PUBLIC_REPORT_*). */
@ConfigurationProperties("jiandu.public-report")
record PublicReportProperties(
        @DefaultValue("20") int perClientPerMinute,
        @DefaultValue("600") int overallPerMinute,
        @DefaultValue("30") int statusPerClientPerMinute,
        @DefaultValue("4") int maxFiles,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("100000") long challengeMaxNumber,
        @DefaultValue("PT20M") Duration challengeLifetime,
        @DefaultValue("") String challengeKey,
        @DefaultValue("20") int dailyAlertThreshold) {

    String maxFileSizeText() {
        return maxFileSize.toMegabytes() + " MB";
    }
}
