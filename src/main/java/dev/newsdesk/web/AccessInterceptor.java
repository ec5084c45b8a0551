package dev.newsdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets a request reach an endpoint marked {@link Access} only with a key of that role. */
@Component
final class AccessInterceptor implements HandlerInterceptor {

    private final ApiKeys keys;

    AccessInterceptor(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Access access = method.getMethodAnnotation(Access.class);
        if (access == null) {
            access = method.getBeanType().getAnnotation(Access.class);
        }
        if (access == null || access.value() == Access.Role.NONE) {
            return true;
        }
        if (ApiKeys.presented(request) == null) {
            throw new ApiException(
                            ProblemKind.MISSING_API_KEY,
                            "this endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
                    .header("WWW-Authenticate", "Bearer realm=\"newsdesk\"");
        }
        Access.Role role = keys.roleOf(request);
        if (role == Access.Role.NONE) {
            throw new ApiException(
                            ProblemKind.BAD_API_KEY,
                            "the API key is not one of the configured keys; check newsdesk.security.* or the"
                                    + " api-key file in the data directory")
                    .header("WWW-Authenticate", "Bearer realm=\"newsdesk\", error=\"invalid_token\"");
        }
        if (access.value() == Access.Role.ADMIN && role != Access.Role.ADMIN) {
            throw new ApiException(
                    ProblemKind.NOT_ADMIN, "this endpoint needs an admin key (newsdesk.security.admin-keys)");
        }
        return true;
    }
}
