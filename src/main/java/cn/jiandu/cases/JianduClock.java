package cn.jiandu.cases;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The commission's time zone (Asia/Shanghai unless configured): years of case numbers, report days. */
@Component
public class JianduClock {

    private final ZoneId zone;

    JianduClock(@Value("${jiandu.timezone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
