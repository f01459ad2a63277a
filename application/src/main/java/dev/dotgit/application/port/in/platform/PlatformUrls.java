package dev.dotgit.application.port.in.platform;

import dev.dotgit.domain.deployment.DeploymentId;
import dev.dotgit.domain.project.Project;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where things live publicly: the API under {@code publicUrl}, sites under
 * {@code http://<label>.<hostingDomain>}. Every adapter renders links from here so that all
 * versions and webhooks agree.
 *
 * @param publicUrl     absolute http(s) base of the API, without a trailing slash
 * @param hostingDomain host (and optional port) under which sites are served, e.g. {@code localhost:8080}
 */
public record PlatformUrls(URI publicUrl, String hostingDomain) {

    public PlatformUrls {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(hostingDomain, "hostingDomain");
        String scheme = publicUrl.getScheme();
        if (!publicUrl.isAbsolute() || scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || publicUrl.getHost() == null) {
            throw new IllegalArgumentException("must be an absolute http(s) URL");
        }
        String text = publicUrl.toString();
        publicUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        hostingDomain = hostingDomain.toLowerCase(Locale.ROOT);
        if (hostingDomain.isBlank() || hostingDomain.contains("/") || hostingDomain.startsWith(".")) {
            throw new IllegalArgumentException("must be a host name with an optional port");
        }
    }

    /** An API URL: {@code api("/v1/deployments/dep_x")}. */
    public String api(String path) {
        return publicUrl + path;
    }

    /** The hosted URL of one deployment's site. */
    public String deploymentSite(DeploymentId deployment) {
        return "http://" + deployment.value() + "." + hostingDomain;
    }

    /** The production URL of a project. */
    public String productionSite(Project project) {
        return "http://" + project.siteLabel() + "." + hostingDomain;
    }

    /** Where a repository can be reached by git clients. */
    public String cloneUrl(String fullName) {
        return publicUrl + "/" + fullName + ".git";
    }
}
