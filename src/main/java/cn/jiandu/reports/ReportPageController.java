package cn.jiandu.reports;

import java.time.Clock;
import cn.jiandu.system.SaneDate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The report pages for the commission's staff: /reports/daily?date= and /reports/weekly?week=, with charts. */
@Controller
class ReportPageController {

    private final ReportService service;
    private final ObjectMapper json;
    private final Clock clock;

    ReportPageController(ReportService service, ObjectMapper json, Clock clock) {
        this.service = service;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String index() {
        return "redirect:/reports/daily";
    }

    @GetMapping("/reports/daily")
    String daily(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate LocalDate date,
            Model model, Authentication authentication) {
        ReportController.requireStaff(authentication);
        ReportPeriod period = service.day(date, clock.instant());
        LocalDate day = LocalDate.parse(period.key());
        model.addAttribute("previousLink", "/reports/daily?date=" + day.minusDays(1));
        LocalDate next = day.plusDays(1);
        model.addAttribute("nextLink", hasStarted(service.day(next)) ? "/reports/daily?date=" + next : null);
        model.addAttribute("otherLink", "/reports/weekly");
        model.addAttribute("otherLabel", "周通报");
        return page(period, model);
    }

    @GetMapping("/reports/weekly")
    String weekly(@RequestParam(required = false) String week, Model model, Authentication authentication) {
        ReportController.requireStaff(authentication);
        ReportPeriod period = service.week(week, clock.instant());
        LocalDate monday = period.to().toLocalDate().minusDays(6);
        model.addAttribute("previousLink", "/reports/weekly?week=" + service.week(monday.minusWeeks(1)).key());
        ReportPeriod next = service.week(monday.plusWeeks(1));
        model.addAttribute("nextLink", hasStarted(next) ? "/reports/weekly?week=" + next.key() : null);
        model.addAttribute("otherLink", "/reports/daily");
        model.addAttribute("otherLabel", "日报");
        return page(period, model);
    }

    private boolean hasStarted(ReportPeriod period) {
        return !period.from().toInstant().isAfter(clock.instant());
    }

    private String page(ReportPeriod period, Model model) {
        ReportView view = service.view(period, clock.instant());
        model.addAttribute("view", view);
        try {
            // Embedded in a <script> element: "<" escaped so that no text can close it.
            model.addAttribute("chartsJson", json.writeValueAsString(view.allCharts()).replace("<", "\\u003c"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write chart data", e);
        }
        return "reports/report";
    }
}
