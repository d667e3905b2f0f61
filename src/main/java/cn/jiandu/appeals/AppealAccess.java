package cn.jiandu.appeals;

import cn.jiandu.identity.Groups;
import cn.jiandu.identity.ProcessAccess;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every group reads accountabilityAppeal; case-review, which receives appeals in writing, records them. */
@Component
class AppealAccess implements ProcessAccess {

    @Override
    public List<String> readByEveryGroup() {
        return List.of(AppealProcess.PROCESS_KEY);
    }

    @Override
    public Map<String, List<String>> startedBy() {
        return Map.of(Groups.CASE_REVIEW, List.of(AppealProcess.PROCESS_KEY));
    }
}
