package cn.jiandu.cases;

import cn.jiandu.identity.Groups;
import cn.jiandu.identity.ProcessAccess;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every group reads supervisionCase; the groups that report problems start it. */
@Component
class CaseAccess implements ProcessAccess {

    @Override
    public List<String> readByEveryGroup() {
        return List.of(SupervisionCaseProcess.PROCESS_KEY);
    }

    @Override
    public Map<String, List<String>> startedBy() {
        return Groups.REPORTERS.stream().collect(Collectors.toMap(Function.identity(),
                group -> List.of(SupervisionCaseProcess.PROCESS_KEY)));
    }
}
