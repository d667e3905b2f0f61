package cn.jiandu.reports;

import cn.jiandu.identity.ProcessAccess;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every group reads the report processes; timers start them, never a person. */
@Component
class ReportAccess implements ProcessAccess {

    @Override
    public List<String> readByEveryGroup() {
        return List.of(ReportProcesses.DAILY_PROCESS_KEY, ReportProcesses.WEEKLY_PROCESS_KEY);
    }

    @Override
    public Map<String, List<String>> startedBy() {
        return Map.of();
    }
}
