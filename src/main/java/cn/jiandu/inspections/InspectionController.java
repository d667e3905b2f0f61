package cn.jiandu.inspections;

import cn.jiandu.cases.CaseEnums;
import cn.jiandu.identity.CurrentUser;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * GET /api/inspections lists and shows inspections, each only as far as the caller may see it: an
 * unannounced inspection not yet carried out does not exist for anyone outside its team and leaders.
 */
@RestController
@RequestMapping("/api/inspections")
@Transactional(readOnly = true)
class InspectionController {

    private static final Pattern NUMBER = Pattern.compile("(?:JC-)?0*(\\d{1,15})");

    private final InspectionRepository inspections;

    InspectionController(InspectionRepository inspections) {
        this.inspections = inspections;
    }

    @GetMapping
    InspectionView.Page list(
            @RequestParam(required = false) CaseEnums.Zone zone,
            @RequestParam(required = false) InspectionEnums.Status status,
            @RequestParam(required = false) InspectionEnums.Mode mode,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        if (page < 0 || size < 1 || size > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page 不能小于 0，size 须在 1 到 200 之间");
        }
        InspectionFilter filter = new InspectionFilter(zone == null ? null : zone.name(),
                status == null ? null : status.name(), mode == null ? null : mode.name());
        List<Object> args = new ArrayList<>();
        String visibility = InspectionVisibility.sqlCondition(CurrentUser.of(authentication), args);
        List<InspectionView.Summary> content = inspections.list(filter, visibility, args, page, size).stream()
                .map(InspectionView.Summary::of).toList();
        return InspectionView.Page.of(content, page, size, inspections.count(filter, visibility, args));
    }

    /** By id (12) or by number (JC-000012). */
    @GetMapping("/{idOrNumber}")
    InspectionView detail(@PathVariable @Size(max = 20, message = "检查编号不能超过 20 个字符，格式如 JC-000012 或 12")
            String idOrNumber, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Matcher number = NUMBER.matcher(idOrNumber);
        return Optional.of(number).filter(Matcher::matches)
                .flatMap(valid -> inspections.find(Long.parseLong(valid.group(1))))
                .filter(inspection -> InspectionVisibility.canRead(user, inspection))
                .map(inspection -> InspectionView.of(inspection, inspections.findings(inspection.id())))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "没有编号为 " + idOrNumber + " 的检查，或您无权查看该检查"));
    }
}
