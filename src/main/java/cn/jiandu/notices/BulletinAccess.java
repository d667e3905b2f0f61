package cn.jiandu.notices;

import cn.jiandu.identity.Groups;
import cn.jiandu.identity.ProcessAccess;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every group reads noticeBulletin (a bulletin is public once published; leaders approve it in Tasklist);
 * publicity, which drafts the commission's bulletins, starts it.
 */
@Component
class BulletinAccess implements ProcessAccess {

    @Override
    public List<String> readByEveryGroup() {
        return List.of(BulletinProcess.PROCESS_KEY);
    }

    @Override
    public Map<String, List<String>> startedBy() {
        return Map.of(Groups.PUBLICITY, List.of(BulletinProcess.PROCESS_KEY));
    }
}
