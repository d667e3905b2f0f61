package cn.jiandu.engineapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one door to the engine's APIs (/engine-rest and the webapps' /camunda/api): every call is
 * judged by {@link EngineApiRules}; completions, claims and starts are held to what the step
 * takes by {@link StepGuard}. Runs after the engine REST API has authenticated the caller.
 */
class EngineApiGate extends OncePerRequestFilter {

    /** Larger bodies are no form a person filled in. */
    static final int MAX_BODY = 1024 * 1024;

    private final IdentityService identityService;
    private final StepGuard guard;
    private final ObjectMapper json;
    private final String engineName;

    EngineApiGate(IdentityService identityService, StepGuard guard, ObjectMapper json, String engineName) {
        this.identityService = identityService;
        this.guard = guard;
        this.json = json;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineCall call = EngineCall.of(request);
        Caller caller = Caller.of(request, identityService, engineName);
        try {
            Verdict verdict = EngineApiRules.judge(call, caller);
            if (verdict instanceof Verdict.Refuse refuse) {
                throw new Refusal(refuse.status(), refuse.message());
            } else if (verdict instanceof Verdict.WorkOnTask work) {
                chain.doFilter(withBody(request, guard.workOnTask(work.taskId(), caller, body(request))), response);
            } else if (verdict instanceof Verdict.Claim claim) {
                byte[] body = body(request);
                guard.claim(claim.taskId(), caller, body);
                chain.doFilter(withBody(request, body), response);
            } else if (verdict instanceof Verdict.Start start) {
                chain.doFilter(withBody(request, guard.start(start.definitionId(), start.definitionKey(), body(request))),
                        response);
            } else if (verdict instanceof Verdict.SaveFilter) {
                byte[] body = body(request);
                guard.filter(body);
                chain.doFilter(withBody(request, body), response);
            } else {
                chain.doFilter(request, response);
            }
        } catch (Refusal refusal) {
            answer(response, request, refusal);
        }
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new Refusal(413, "提交的内容过大（超过 1 MB）。");
            }
            return body;
        }
    }

    private void answer(HttpServletResponse response, HttpServletRequest request, Refusal refusal) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", refusal.status() == 400 ? "提交的内容不符合要求" : refusal.status() == 401 ? "需要登录" : "无权执行此操作");
        problem.put("status", refusal.status());
        problem.put("detail", refusal.getMessage());
        problem.put("message", refusal.getMessage());
        if (refusal.field() != null) {
            problem.put("field", refusal.field());
        }
        problem.put("instance", request.getRequestURI());
        response.setStatus(refusal.status());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static HttpServletRequest withBody(HttpServletRequest request, byte[] body) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        return in.read(buffer, offset, length);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException("the body is already read");
                    }
                };
            }

            @Override
            public BufferedReader getReader() {
                return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
            }

            @Override
            public int getContentLength() {
                return body.length;
            }

            @Override
            public long getContentLengthLong() {
                return body.length;
            }
        };
    }
}
