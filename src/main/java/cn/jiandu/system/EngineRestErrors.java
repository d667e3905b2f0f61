package cn.jiandu.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Completing a task through /engine-rest (as Tasklist does) with input that Jiandu's listeners
 * reject answers 400 with their message, not 500; two officers completing the same task at once
 * get 409 for the one that lost. Everything else is answered as Camunda answers it.
 */
@Provider
@Priority(1000)
class EngineRestErrors implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(RestException exception) {
        FormFieldValidationException invalid = find(exception, FormFieldValidationException.class);
        if (invalid != null) {
            return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", invalid.getMessage());
        }
        if (find(exception, OptimisticLockingException.class) != null
                || (find(exception, NullValueException.class) != null && isCompletion())) {
            return answer(Response.Status.CONFLICT, "TaskAlreadyCompleted",
                    "该任务已由他人办理或正在办理，您的提交未生效。请刷新任务列表后再操作。");
        }
        return camundaDefault.toResponse(exception);
    }

    private boolean isCompletion() {
        String path = uri == null ? "" : uri.getPath();
        return path.endsWith("/complete") || path.endsWith("/submit-form");
    }

    private static Response answer(Response.Status status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
