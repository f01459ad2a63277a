package dev.dotgit.bootstrap.http;

import dev.dotgit.domain.shared.Ids;
import java.util.regex.Pattern;

/** CONTRACT §2.4: keep a client's request id if it is short and safe to echo and log; otherwise mint {@code req_…}. */
final class RequestIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    static String acceptOrMint(String clientValue) {
        return clientValue != null && SAFE.matcher(clientValue).matches() ? clientValue : Ids.newId("req");
    }
}
