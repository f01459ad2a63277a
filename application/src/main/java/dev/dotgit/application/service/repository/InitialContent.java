package dev.dotgit.application.service.repository;

import dev.dotgit.application.port.out.source.InitialCommit;
import dev.dotgit.application.port.out.source.SourceFile;
import dev.dotgit.domain.repository.BranchName;
import dev.dotgit.domain.repository.Repository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The first commit of every new repository: a small static site that deploys as it is. */
final class InitialContent {

    private InitialContent() {
    }

    static InitialCommit forRepository(Repository repository, Instant when) {
        String name = repository.name().value();
        String html = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                </head>
                <body>
                  <main>
                    <h1>%s</h1>
                    <p>Deployed with dotgit. Push a commit to change this page.</p>
                  </main>
                </body>
                </html>
                """.formatted(name, name);
        String readme = """
                # %s

                This repository was created by dotgit with a small static site in `index.html`.
                Every deployment of branch `main` publishes it.
                """.formatted(name);
        return new InitialCommit(BranchName.MAIN,
                List.of(new SourceFile("index.html", html.getBytes(StandardCharsets.UTF_8)),
                        new SourceFile("README.md", readme.getBytes(StandardCharsets.UTF_8))),
                "Initial commit", "dotgit", "dotgit@localhost", when);
    }
}
