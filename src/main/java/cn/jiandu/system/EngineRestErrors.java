package cn.jiandu.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.spin.spi.SpinDataFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completing a task through /engine-rest (as Tasklist does) with input that Jiandu's listeners
 * reject answers 400 with their message, not 500. When two officers complete the same task at
 * once, the one whose completion failed while the task was completed by the other is told 409
 * — whatever the engine's failure looked like (a lost optimistic lock, a vanished task, or an
 * inconsistent read, or permissions that vanished with the task); the failed transaction was rolled
 * back whole. A variable of type Json that is not JSON is a 400 naming it, and a statement the
 * database refused is answered without the SQL that Camunda's handlers would have shown.
 * Everything else is answered as Camunda answers it.
 */
final class EngineRestErrors {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
    /** How the engine names the variable it could not read: "Cannot deserialize object in variable 'x'". */
    private static final Pattern VARIABLE_NAMED = Pattern.compile("variable '([^']{1,100})'");

    private final TaskService taskService;
    private final IdentityService identityService;

    EngineRestErrors(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    List<Object> mappers() {
        return List.of(new ForRestExceptions(), new ForEngineExceptions(), new ForOtherExceptions());
    }

    private Response map(Throwable exception, UriInfo uri, Supplier<Response> camundaDefault) {
        // First: a completion that lost the race to another officer's. Its own checks may have failed on what the
        // winner had just written (the case no longer at this step), which says nothing about the loser's input.
        String completedTask = completedTaskOf(uri);
        if (completedTask != null && (Causes.find(exception, OptimisticLockingException.class) != null
                || !taskStillOpen(completedTask))) {
            return answer(Response.Status.CONFLICT, "TaskAlreadyCompleted",
                    "该任务已由他人办理或正在办理，您的提交未生效。请刷新任务列表后再操作。");
        }
        FormFieldValidationException invalid = Causes.find(exception, FormFieldValidationException.class);
        if (invalid != null) {
            return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", invalid.getMessage());
        }
        Response malformed = malformedVariable(exception);
        if (malformed != null) {
            return malformed;
        }
        return SqlFailures.answer(exception).map(refused -> {
            log.warn("A statement failed under {}", uri == null ? "/engine-rest" : uri.getPath(), exception);
            return answer(Response.Status.fromStatusCode(refused.status().value()),
                    refused.status().is4xxClientError() ? "InvalidRequestException" : "ProcessEngineException",
                    refused.detail());
        }).orElseGet(camundaDefault);
    }

    /**
     * A Json variable that is not JSON: refused as it is written (JsonVariablesChecked), or found unreadable
     * when a step reads one stored before that check existed. Either way the caller's data, not the system.
     */
    private static Response malformedVariable(Throwable exception) {
        JsonVariablesChecked.InvalidJson refused = Causes.find(exception, JsonVariablesChecked.InvalidJson.class);
        if (refused != null) {
            return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", refused.getMessage());
        }
        if (Causes.find(exception, SpinDataFormatException.class) == null) {
            return null;
        }
        Matcher variable = VARIABLE_NAMED.matcher(String.valueOf(exception.getMessage()));
        String name = variable.find() ? " " + variable.group(1) + " " : "";
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
                "变量" + name + "的值不是有效的 JSON，无法读取。请以有效的 JSON 重新提交该变量。");
    }

    /** Whether the task exists at all, whoever may see it: asked without the caller's authorizations. */
    private boolean taskStillOpen(String taskId) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return taskService.createTaskQuery().taskId(taskId).count() > 0;
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** The task id of a completion request (/task/{id}/complete or /task/{id}/submit-form), else null. */
    private static String completedTaskOf(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        String[] segments = uri.getPath().split("/");
        int n = segments.length;
        if (n >= 3 && "task".equals(segments[n - 3])
                && ("complete".equals(segments[n - 1]) || "submit-form".equals(segments[n - 1]))) {
            return segments[n - 2];
        }
        return null;
    }

    private static Response answer(Response.Status status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    @Priority(1000)
    final class ForRestExceptions implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(RestException exception) {
            return map(exception, uri, () -> camunda.toResponse(exception));
        }
    }

    /** Engine exceptions; the loser of a race may find the task's permissions already gone with the task. */
    @Priority(1000)
    final class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return map(exception, uri, () -> camunda.toResponse(exception));
        }
    }

    @Priority(1000)
    final class ForOtherExceptions implements ExceptionMapper<Exception> {

        private final ExceptionHandler camunda = new ExceptionHandler();

        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(Exception exception) {
            return map(exception, uri, () -> camunda.toResponse(exception));
        }
    }
}
