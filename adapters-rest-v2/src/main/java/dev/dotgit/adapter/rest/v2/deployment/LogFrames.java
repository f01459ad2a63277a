package dev.dotgit.adapter.rest.v2.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON text frames of v2's live log stream. */
final class LogFrames {

    private LogFrames() {
    }

    /** One log line: {@code {"seq":n,"ts":"<ISO>","level":"info","msg":"…"}}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Line(long seq, String ts, String level, String msg) {
    }

    /** The last frame when the deployment is final and every line was sent: {@code {"type":"end","status":"live"}}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record End(String type, String status) {
        End(String status) {
            this("end", status);
        }
    }

    /**
     * The last frame when the deployment was deleted while streaming (its log is gone with it):
     * {@code {"type":"end","status":null,"reason":"deployment_deleted"}}.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Gone(String type, String status, String reason) {
        static final Gone DELETED = new Gone("end", null, "deployment_deleted");
    }

    /** The last frame when the stream cannot go on (storage failing): the client may reconnect with {@code after}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Failure(String type, String code, String message) {
    }
}
