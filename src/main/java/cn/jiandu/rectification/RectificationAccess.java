package cn.jiandu.rectification;

import cn.jiandu.identity.Groups;
import cn.jiandu.identity.ProcessAccess;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The zone teams and leaders, who work rectifications, read the process (Tasklist shows its forms and
 * diagram); nobody starts one: only Jiandu does, from a served decision, an exemption or a finding.
 */
@Component
class RectificationAccess implements ProcessAccess {

    @Override
    public List<String> readByEveryGroup() {
        return List.of();
    }

    @Override
    public Map<String, List<String>> readBy() {
        List<String> rectification = List.of(RectificationProcess.PROCESS_KEY);
        return Map.of(Groups.TEAM_NORTH, rectification, Groups.TEAM_SOUTH, rectification, Groups.LEADERS,
                rectification);
    }

    @Override
    public Map<String, List<String>> startedBy() {
        return Map.of();
    }
}
