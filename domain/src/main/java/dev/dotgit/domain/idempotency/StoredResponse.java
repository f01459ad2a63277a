package dev.dotgit.domain.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The first response to an idempotent request, as it is replayed: status, content type, the
 * body's bytes and the {@code Location} header, if any. Nothing of any framework.
 */
public final class StoredResponse {

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final String location;

    public StoredResponse(int status, String contentType, byte[] body, String location) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        this.status = status;
        this.contentType = contentType;
        this.body = body == null ? new byte[0] : body.clone();
        this.location = location;
    }

    public int status() {
        return status;
    }

    /** Null when the response had no body type. */
    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body.clone();
    }

    /** Null when the response had no {@code Location} header. */
    public String location() {
        return location;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse other && status == other.status
                && Objects.equals(contentType, other.contentType) && Arrays.equals(body, other.body)
                && Objects.equals(location, other.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), location);
    }

    @Override
    public String toString() {
        return "StoredResponse[status=" + status + ", contentType=" + contentType + ", body=" + body.length
                + " bytes, location=" + location + "]";
    }
}
