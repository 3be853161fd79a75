package io.portico.web.internal;

import io.portico.api.web.Pages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * Answers the errors that Jersey reports with {@code sendError} (a request it cannot even read, an error status
 * without a body) as Portico's own problem answer or branded page, instead of the servlet container's error page.
 */
final class ProblemOnSendError extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final Pages pages;

    ProblemOnSendError(HttpServletRequest request, HttpServletResponse response, Pages pages) {
        super(response);
        this.request = request;
        this.pages = pages;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String containerMessage) throws IOException {
        if (isCommitted()) {
            super.sendError(status, containerMessage);
            return;
        }
        resetBuffer();
        setStatus(status);
        String detail = ProblemMapper.detailFor(status);
        String title = ProblemMapper.titleFor(status);
        String path = request.getRequestURI();
        String accept = request.getHeader("Accept");
        byte[] body;
        if (!path.startsWith("/api/") && accept != null && accept.contains("text/html")) {
            setContentType("text/html;charset=UTF-8");
            body = pages.render(ProblemMapper.class, ProblemMapper.PAGE, Map.of("title", title, "status", status,
                    "detail", detail)).getBytes(StandardCharsets.UTF_8);
        } else {
            setContentType(ProblemMapper.PROBLEM_JSON);
            body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                    + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        setContentLength(body.length);
        getOutputStream().write(body);
        flushBuffer();
    }
}
