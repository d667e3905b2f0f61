package cn.jiandu.register;

import cn.jiandu.cases.CasePage;
import cn.jiandu.cases.CaseQueries;
import cn.jiandu.cases.CaseView;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.rectification.RectificationQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The register (台账, /cases), its Excel export (/cases/export) and the case page (/cases/{caseNumber}) for
 * the commission's staff, logged in through Tasklist. Each shows exactly what GET /api/cases and
 * GET /api/cases/{caseNumber} show the same person: a case they may not see is "not found" alike.
 */
@Controller
class RegisterPages {

    static final int PAGE_SIZE = 20;

    private final CaseQueries cases;
    private final CaseOverviews overviews;
    private final RegisterWorkbook workbook;
    private final RectificationQueries rectifications;
    private final Clock clock;
    /** The most cases one export holds (jiandu.register.export-limit); the page says so when the search finds more. */
    private final int exportLimit;

    RegisterPages(CaseQueries cases, CaseOverviews overviews, RegisterWorkbook workbook,
            RectificationQueries rectifications, Clock clock,
            @Value("${jiandu.register.export-limit:10000}") int exportLimit) {
        this.rectifications = rectifications;
        this.exportLimit = exportLimit;
        this.cases = cases;
        this.overviews = overviews;
        this.workbook = workbook;
        this.clock = clock;
    }

    @GetMapping("/cases")
    ModelAndView register(@RequestParam Map<String, String> parameters, Authentication authentication) {
        RegisterQuery query = RegisterQuery.of(parameters);
        CurrentUser user = CurrentUser.of(authentication);
        CasePage found = cases.search(user, query.filter(), query.page() - 1, PAGE_SIZE);
        long lastPage = Math.max(1, found.totalPages());
        if (query.page() > lastPage) {
            found = cases.search(user, query.filter(), (int) lastPage - 1, PAGE_SIZE);
        }
        return new ModelAndView("register/list")
                .addObject("found", found)
                .addObject("rectifications", rectifications.statesOfCases(
                        found.content().stream().map(CaseView.Summary::caseNumber).toList()))
                .addObject("filter", query.filter())
                .addObject("parameters", parameters)
                .addObject("pageNumber", found.page() + 1)
                .addObject("lastPage", lastPage)
                .addObject("exportLimit", exportLimit)
                .addObject("exportLink", link("/cases/export", parameters, null))
                .addObject("previousLink", found.page() > 0 ? link("/cases", parameters, found.page()) : null)
                .addObject("nextLink", found.page() + 1 < lastPage ? link("/cases", parameters, found.page() + 2) : null);
    }

    @GetMapping("/cases/export")
    void export(@RequestParam Map<String, String> parameters, Authentication authentication,
            HttpServletResponse response) throws IOException {
        RegisterQuery query = RegisterQuery.of(parameters);
        CaseQueries.Listing listing = cases.listing(CurrentUser.of(authentication), query.filter(), exportLimit);
        String name = "案件台账-" + LocalDate.now(clock) + ".xlsx";
        // A binary file has no character encoding (the one every response is forced to is taken off).
        response.setCharacterEncoding((String) null);
        response.setContentType(RegisterWorkbook.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        workbook.write(listing, rectifications.statesOfCases(listing.rows().stream()
                .map(row -> row.summary().caseNumber()).toList()), query.filter(), exportLimit,
                response.getOutputStream());
    }

    @GetMapping("/cases/{caseNumber}")
    ModelAndView casePage(@PathVariable String caseNumber, Authentication authentication) {
        if (caseNumber.length() > 20) {
            return notFound(caseNumber);
        }
        return overviews.find(CurrentUser.of(authentication), caseNumber)
                .map(overview -> new ModelAndView("register/case")
                        .addObject("overview", overview)
                        .addObject("c", overview.view()))
                .orElseGet(() -> notFound(caseNumber));
    }

    /** As the API: the same answer whether the case does not exist or the reader may not see it. */
    private static ModelAndView notFound(String caseNumber) {
        return new ModelAndView("register/missing", HttpStatus.NOT_FOUND).addObject("caseNumber", caseNumber);
    }

    /** The same search at another address or page (page null: none), with only the parameters given. */
    private static String link(String path, Map<String, String> parameters, Integer page) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (!"page".equals(name) && value != null && !value.isBlank()) {
                query.add(encode(name) + "=" + encode(value));
            }
        });
        if (page != null && page > 1) {
            query.add("page=" + page);
        }
        return path + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
