package cn.jiandu.units;

import cn.jiandu.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * /units?name=&lt;unit&gt;: one unit's history for the commission's staff, logged in as for the register. Each
 * part shows only what its own API shows the same person: a team sees its own zone's records of the unit.
 */
@Controller
class UnitHistoryPage {

    /** As long as a unit's name may be (jd_inspection.unit, jd_case.unit). */
    static final int NAME_MAX = 200;

    private final UnitHistories histories;

    UnitHistoryPage(UnitHistories histories) {
        this.histories = histories;
    }

    @GetMapping("/units")
    ModelAndView history(@RequestParam(name = "name", required = false) String name, Authentication authentication) {
        String unit = name == null ? "" : name.strip();
        if (unit.isEmpty() || unit.length() > NAME_MAX) {
            return new ModelAndView("units/history", HttpStatus.BAD_REQUEST).addObject("problem",
                    unit.isEmpty() ? "请在地址中写明单位名称，如 /units?name=幸福社区" : "单位名称不能超过 " + NAME_MAX + " 个字");
        }
        return new ModelAndView("units/history")
                .addObject("h", histories.of(CurrentUser.of(authentication), unit));
    }
}
