package dev.dotgit.adapter.rest.v3.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** One log line (seed 000): {@code ts} is unix seconds written as a string. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LogLineItem(String ts, String level, String msg) {
}
