package cn.jiandu.inspections;

import cn.jiandu.identity.Groups;
import cn.jiandu.identity.ProcessAccess;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every group reads supervisionInspection; the zone teams plan inspections. */
@Component
class InspectionAccess implements ProcessAccess {

    @Override
    public List<String> readByEveryGroup() {
        return List.of(InspectionProcess.PROCESS_KEY);
    }

    @Override
    public Map<String, List<String>> startedBy() {
        return Map.of(Groups.TEAM_NORTH, List.of(InspectionProcess.PROCESS_KEY),
                Groups.TEAM_SOUTH, List.of(InspectionProcess.PROCESS_KEY));
    }
}
