package cn.jiandu.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. The Camunda webapps (/camunda) and the engine's REST API (/engine-rest)
 * authenticate with Camunda's own mechanisms. Everything of Jiandu's own, except the public notices
 * and health, needs a login against the same identity service: the webapps' session (people: one
 * sign-in in Tasklist, see {@link WebappSessionAuthentication}) or HTTP Basic (programs). A page
 * without a login sends the browser to the Tasklist login, never to the browser's Basic prompt.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** Where a page without a login sends the browser: Tasklist shows its login there. */
    static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final ObjectMapper objectMapper;
    private final CamundaBpmProperties camunda;
    /** Addresses for programs, answered 401 rather than sent to a login page. */
    private final RequestMatcher api = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
    /** The public reporting page acts for nobody logged in, so an officer's session there needs no CSRF token. */
    private final RequestMatcher publicReport = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/report"),
            PathPatternRequestMatcher.withDefaults().matcher("/report/**"));
    /** What a mail links to: signed in on Jiandu's login, which comes back to the very page (a phone too). */
    private final RequestMatcher mailLinks = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/tasks/**"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/approvals/**"));

    SecurityConfiguration(ObjectMapper objectMapper, CamundaBpmProperties camunda) {
        this.objectMapper = objectMapper;
        this.camunda = camunda;
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaOwnSecurity(HttpSecurity http) throws Exception {
        // Camunda authenticates these itself: session login for the webapps, Basic for the REST API.
        // Matched on the whole path: they are Jersey servlets, which MVC-based string matchers miss.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/camunda/**"), path.matcher("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain jianduSecurity(HttpSecurity http) throws Exception {
        WebappSessionAuthentication webappSession = webappSessionAuthentication();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/notices/**").authenticated()
                        .requestMatchers("/notices", "/notices/**", "/api/notices", "/api/notices/**").permitAll()
                        // The public reporting page (群众举报): no login, and nothing of a login is used there.
                        .requestMatchers("/report", "/report/**").permitAll()
                        .requestMatchers("/css/**", "/js/**", "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/login").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(webappSession, BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(loginEntryPoint()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(loginEntryPoint())
                        .accessDeniedHandler(problemAccessDenied()))
                // Spring keeps no login of its own: the webapps' session is the one session. Nobody logs in
                // here either: stateless, Spring would take every request the session authenticates for a new
                // login and change the session's id and replace its CSRF token each time, so that a page's
                // token died with the next request. The webapps' login starts a new session (a new token).
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // Only what the session cookie authenticates needs the token; Basic clients send none.
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionOnlyCsrfTokens())
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .requireCsrfProtectionMatcher(request -> webappSession.needsCsrfToken(request)
                                && !publicReport.matches(request)))
                .formLogin(form -> form.disable())
                // The one logout is Tasklist's; Spring's /logout would invalidate the webapps' session behind it.
                .logout(logout -> logout.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-auth");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(200);
        return registration;
    }

    private WebappSessionAuthentication webappSessionAuthentication() {
        var cache = camunda.getWebapp().getAuth().getCache();
        return new WebappSessionAuthentication(camunda.getProcessEngineName(),
                cache.isTtlEnabled() ? cache.getTimeToLive() : null);
    }

    /** Programs get 401 problem+json; a person opening a page goes to the Tasklist login. */
    private AuthenticationEntryPoint loginEntryPoint() {
        return (request, response, exception) -> {
            if (mailLinks.matches(request)) {
                String asked = request.getRequestURI().substring(request.getContextPath().length())
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(request.getContextPath() + "/login?next="
                        + java.net.URLEncoder.encode(LoginPage.safe(asked), java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            if (!api.matches(request)) {
                response.sendRedirect(request.getContextPath() + TASKLIST);
                return;
            }
            // A page's own call whose session ended: no Basic challenge, or the browser would prompt.
            if (request.getRequestedSessionId() == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"jiandu\", charset=\"UTF-8\"");
            }
            writeProblem(response, HttpStatus.UNAUTHORIZED,
                    "需要登录：请先登录 Tasklist，程序请用 Tasklist 的用户名和密码以 HTTP Basic 方式认证。",
                    request.getRequestURI());
        };
    }

    private AccessDeniedHandler problemAccessDenied() {
        return (request, response, exception) -> writeProblem(response, HttpStatus.FORBIDDEN,
                exception instanceof CsrfException
                        ? "请求缺少有效的 X-XSRF-TOKEN 令牌（防跨站请求伪造）：请刷新页面后重试。"
                        : "无权执行此操作：您所在的组没有相应权限。",
                request.getRequestURI());
    }

    private void writeProblem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail,
            String path) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(ProblemTexts.title(status));
        problem.setInstance(URI.create(path));
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
