package cn.jiandu.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of Jiandu's endpoints as application/problem+json with a Chinese message a person can act
 * on, naming the field, parameter or header at fault. It applies to every handler, not only Jiandu's
 * controllers: an unknown address or method has no controller, and was answered in English by /error.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    record FieldProblem(String field, String message) {
    }

    private final DataSize maxFileSize;

    ApiErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    /** A refused input as the detail names it: "参数 date", "请求头 Idempotency-Key", or a body field as is. */
    private record Refused(String label, FieldProblem problem) {

        static Refused field(FieldError error) {
            return new Refused(error.getField(), new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, ex.getBindingResult().getFieldErrors().stream().map(Refused::field).toList(), headers,
                request);
    }

    /** Constraints on parameters, headers and path variables, and on a body validated together with them. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Refused> refused = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors errors
                        ? errors.getFieldErrors().stream().map(Refused::field)
                        : result.getResolvableErrors().stream().map(error -> new Refused(
                                InputNames.label(result.getMethodParameter()),
                                new FieldProblem(InputNames.name(result.getMethodParameter()), error.getDefaultMessage()))))
                .toList();
        return invalid(ex, refused, headers, request);
    }

    /** A file over spring.servlet.multipart.max-file-size, refused by the servlet container before any handler. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件过大：每个文件最多 "
                + ProblemTexts.size(maxFileSize) + "。请压缩或拆分后再上传。");
        problem.setTitle(ProblemTexts.title(HttpStatus.PAYLOAD_TOO_LARGE));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "参数 " + name + " 的值"
                + ProblemTexts.quoted(ex.getValue()) + "无效：" + ProblemTexts.expected(ex.getRequiredType()));
        problem.setTitle("参数有误");
        problem.setProperty("fields", List.of(new FieldProblem(name, ProblemTexts.expected(ex.getRequiredType()))));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(ex));
        problem.setTitle("请求内容无法读取");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring's own answers (unknown address, wrong method or content type, ...) in Chinese. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            String detail = FrameworkProblems.detail(ex, status);
            if (detail != null) {
                problem.setDetail(detail);
            }
            if (problem.getTitle() == null || problem.getTitle().equals(reasonPhrase(status))) {
                problem.setTitle(ProblemTexts.title(status));
            }
        }
        return answer;
    }

    /** A header or parameter with control characters, refused by Spring Security's firewall when read. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, RejectedInput.describe(request));
        problem.setTitle("请求有误");
        return problem;
    }

    @ExceptionHandler(FormFieldValidationException.class)
    ProblemDetail invalidField(FormFieldValidationException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("请求内容有误");
        return problem;
    }

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail notAuthorized(AuthorizationException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "无权执行此操作：" + ex.getMessage());
        problem.setTitle("无权操作");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("冲突");
        return problem;
    }

    /** Input checks should have caught it first; should one be missing, the caller still sees no SQL. */
    @ExceptionHandler(DataAccessException.class)
    ProblemDetail databaseRefused(DataAccessException ex) {
        SqlFailures.Answer answer = SqlFailures.answer(ex).orElseThrow();
        log.warn("A statement failed in Jiandu's API", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(answer.status(), answer.detail());
        problem.setTitle(ProblemTexts.title(answer.status()));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error in Jiandu's API", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTexts.SERVER_ERROR);
        problem.setTitle("系统错误");
        return problem;
    }

    private ResponseEntity<Object> invalid(Exception ex, List<Refused> refused, HttpHeaders headers,
            WebRequest request) {
        String detail = refused.stream().map(r -> r.label() + "：" + r.problem().message())
                .collect(Collectors.collectingAndThen(Collectors.joining("；"), d -> d.isEmpty() ? "请求内容有误" : d));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("请求内容有误");
        problem.setProperty("fields", refused.stream().map(Refused::problem).toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Names the field whose value has the wrong type, or says where the JSON breaks. */
    private static String unreadable(HttpMessageNotReadableException ex) {
        MismatchedInputException mismatch = Causes.find(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "字段 " + field + " 的值类型不对：" + ProblemTexts.expected(mismatch.getTargetType());
        }
        JsonProcessingException json = Causes.find(ex, JsonProcessingException.class);
        if (json != null && !(json instanceof JsonMappingException) && json.getLocation() != null) {
            return "请求体不是有效的 JSON（第 " + json.getLocation().getLineNr() + " 行第 "
                    + json.getLocation().getColumnNr() + " 列附近）。请以 UTF-8 编码的 JSON 发送。";
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return "缺少请求体：请以 JSON 发送请求内容。";
        }
        return "请求体不是有效的 JSON，或某个字段的类型不对（例如 anonymous 须为 true 或 false）。";
    }

    private static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? null : known.getReasonPhrase();
    }
}
