package cn.jiandu.system;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Chinese details for the errors Spring MVC answers itself, whose own details are English. */
final class FrameworkProblems {

    private FrameworkProblems() {
    }

    /** The detail to show, or null to keep the one the problem has (Jiandu's own, already Chinese). */
    static String detail(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            String allowed = method.getSupportedHttpMethods() == null ? ""
                    : "，可用：" + String.join("、", method.getSupportedHttpMethods().stream().map(Object::toString).toList());
            return "该地址不支持 " + method.getMethod() + " 请求" + allowed + "。";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException media) {
            return "不支持的内容类型 " + (media.getContentType() == null ? "（未注明）" : media.getContentType())
                    + "：请求体请以 application/json（UTF-8）发送，并注明 Content-Type。";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "无法以 Accept 要求的格式作答：本接口以 application/json 作答。";
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return "缺少参数 " + missing.getParameterName() + "。";
        }
        if (ex instanceof MissingRequestHeaderException missing) {
            return "缺少请求头 " + missing.getHeaderName() + "。";
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return "没有这个地址。";
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            // ApiErrors writes it, with the configured limit.
            return null;
        }
        boolean jianduWroteIt = ex instanceof ResponseStatusException || ex instanceof MethodArgumentNotValidException
                || ex instanceof HandlerMethodValidationException;
        return ex instanceof ErrorResponse && !jianduWroteIt ? ProblemTexts.detail(status) : null;
    }
}
