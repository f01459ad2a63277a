package dev.dotgit.bootstrap.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key stores made for one test the way an operator makes one: with the JDK's {@code keytool}
 * (a PKCS12 file with an EC key and a certificate for {@code 127.0.0.1}, valid for two days).
 */
public final class TestKeyStores {

    public static final String ALIAS = "dotgit";

    private TestKeyStores() {
    }

    /** A key store at {@code file}, its password, and the certificate it holds. */
    public record Generated(Path file, String password, X509Certificate certificate) {

        /** {@code file:<absolute path>}, as {@code micronaut.server.ssl.key-store.path} wants it. */
        public String location() {
            return "file:" + file.toAbsolutePath();
        }

        /** A client context that trusts this certificate and nothing else. */
        public SSLContext trustingOnlyThisCertificate() throws GeneralSecurityException, IOException {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
    }

    public static Generated generate(Path directory, String commonName, String password) throws Exception {
        Path file = directory.resolve(commonName + ".p12");
        Path output = directory.resolve(commonName + "-keytool.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + commonName, "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password);
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IllegalStateException("keytool failed: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return new Generated(file, password, (X509Certificate) store.getCertificate(ALIAS));
    }

    /** The SHA-256 fingerprint of a certificate's encoding, in hex: what browsers show. */
    public static String fingerprint(Certificate certificate) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
