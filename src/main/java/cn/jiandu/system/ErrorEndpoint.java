package cn.jiandu.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /error, where the servlet container sends what failed outside Spring MVC (requests the firewall refused,
 * failures in filters), answered as problem+json in Chinese like everything else; Spring Boot's answered
 * {"status":999} with a 500 when /error was asked for directly. Asked for directly it is no page at all (404).
 */
@RestController
class ErrorEndpoint implements ErrorController {

    private static final Pattern URI_PATH = Pattern.compile("/(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2}){0,2000}");

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ProblemTexts.detail(status));
        problem.setTitle(ProblemTexts.title(status));
        problem.setInstance(requested(request));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The address that failed, not /error; none if it is no valid URI (the firewall refuses such addresses). */
    private static URI requested(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        return URI_PATH.matcher(path).matches() ? URI.create(path) : null;
    }
}
