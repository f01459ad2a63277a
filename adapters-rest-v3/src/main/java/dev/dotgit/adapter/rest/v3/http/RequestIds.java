package dev.dotgit.adapter.rest.v3.http;

import dev.dotgit.domain.shared.Ids;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.util.regex.Pattern;

/**
 * The request id of a v3 request, which v3 error bodies carry as {@code request_id}. In the
 * assembled server bootstrap's common filter assigns it before v3 sees the request; this
 * adapter only assigns one itself when none is there (the module running on its own), with the
 * same rule: a short, safe client value is kept, anything else replaced by a new {@code req_…}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** Makes sure the request carries a usable id, and returns it. */
    static String ensure(MutableHttpRequest<?> request) {
        String current = request.getHeaders().get(HEADER);
        if (current != null && SAFE.matcher(current).matches()) {
            return current;
        }
        String minted = Ids.newId("req");
        request.getHeaders().set(HEADER, minted);
        return minted;
    }

    /** The id of a request that went through the v3 filter (never null). */
    public static String of(HttpRequest<?> request) {
        String id = request.getHeaders().get(HEADER);
        return id != null && SAFE.matcher(id).matches() ? id : Ids.newId("req");
    }
}
