package cn.jiandu.publicreport;

import cn.jiandu.evidence.ReporterEvidence;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public reporting page (群众举报), no login: /report to report, /report/status to follow a report with its
 * query code and add to it. The code travels in the body of a POST, never in an address (history, logs).
 * Pages run only the page's own script (the proof of work), nothing from outside the jar.
 */
@Controller
@RequestMapping("/report")
class PublicReportPages {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self';"
            + " style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final PublicReporting reporting;
    private final Challenges challenges;
    private final PublicReportProperties properties;

    PublicReportPages(PublicReporting reporting, Challenges challenges, PublicReportProperties properties) {
        this.reporting = reporting;
        this.challenges = challenges;
        this.properties = properties;
    }

    @GetMapping
    ModelAndView form(HttpServletResponse response) {
        lockDown(response);
        return formPage(null, HttpStatus.OK, null);
    }

    @GetMapping("/challenge")
    ResponseEntity<Map<String, Object>> challenge() {
        Altcha.Challenge challenge = challenges.create();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("algorithm", challenge.algorithm,
                "challenge", challenge.challenge, "maxnumber", challenge.maxnumber, "salt", challenge.salt,
                "signature", challenge.signature));
    }

    @PostMapping
    ModelAndView submit(@ModelAttribute PublicReportForm form,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
            HttpServletRequest request, HttpServletResponse response) {
        lockDown(response);
        try {
            PublicReporting.Accepted accepted = reporting.submit(request.getRemoteAddr(), form, sent(evidence));
            return new ModelAndView("publicreport/accepted").addObject("code", accepted.code());
        } catch (Refusal refused) {
            return formPage(form, refused.status(), refused.getMessage());
        }
    }

    @GetMapping("/status")
    ModelAndView statusForm(HttpServletResponse response) {
        lockDown(response);
        return new ModelAndView("publicreport/status");
    }

    @PostMapping("/status")
    ModelAndView status(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response) {
        lockDown(response);
        try {
            return statusPage(code, reporting.status(request.getRemoteAddr(), code), null);
        } catch (Refusal refused) {
            return new ModelAndView("publicreport/status", refused.status()).addObject("message", refused.getMessage());
        }
    }

    @PostMapping("/status/addition")
    ModelAndView add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String text,
            HttpServletRequest request, HttpServletResponse response) {
        lockDown(response);
        try {
            reporting.add(request.getRemoteAddr(), code, text);
            return statusPage(code, reporting.status(request.getRemoteAddr(), code), "已收到您补充的情况，谢谢。");
        } catch (Refusal refused) {
            return new ModelAndView("publicreport/status", refused.status()).addObject("message", refused.getMessage());
        }
    }

    private ModelAndView statusPage(String code, java.util.Optional<PublicReporting.Status> status, String added) {
        if (status.isEmpty()) {
            return new ModelAndView("publicreport/status").addObject("message", PublicReporting.UNKNOWN_CODE);
        }
        return new ModelAndView("publicreport/status").addObject("found", status.get()).addObject("code", code)
                .addObject("added", added);
    }

    private ModelAndView formPage(PublicReportForm form, HttpStatus status, String message) {
        return new ModelAndView("publicreport/form", status).addObject("form", form).addObject("message", message)
                .addObject("maxFiles", properties.maxFiles()).addObject("maxFileSize", properties.maxFileSizeText());
    }

    private static List<ReporterEvidence.Sent> sent(List<MultipartFile> files) {
        List<ReporterEvidence.Sent> sent = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try {
                sent.add(new ReporterEvidence.Sent(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sent;
    }

    /** Only the page's own script and styles; no page of it is kept by a cache or shown in a frame. */
    private static void lockDown(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
