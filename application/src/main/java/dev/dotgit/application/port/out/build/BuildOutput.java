package dev.dotgit.application.port.out.build;

/** Receives a build's output as it happens, one line at a time, from any thread. */
public interface BuildOutput {

    void stdout(String line);

    void stderr(String line);
}
