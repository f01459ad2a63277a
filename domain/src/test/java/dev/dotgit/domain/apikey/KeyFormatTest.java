package dev.dotgit.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class KeyFormatTest {

    @Test
    void generatedSecretKeysHaveThePrefixThirtyRandomCharactersAndAChecksum() {
        SecretKey key = SecretKey.generate();
        String raw = key.reveal();
        assertThat(raw).startsWith("gsk_live_").hasSize(9 + 30 + 6).matches("gsk_live_[0-9A-Za-z]{36}");
        assertThat(SecretKey.parse(raw)).isPresent();
    }

    @Test
    void checksumIsCrc32OfTheRandomPartInBase62LeftPadded() {
        String random = "abcdefghijklmnopqrstuvwxyz0123";
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        long expected = crc.getValue();
        String checksum = KeyFormat.checksum(random);
        long decoded = 0;
        for (char c : checksum.toCharArray()) {
            decoded = decoded * 62 + KeyFormat.BASE62.indexOf(c);
        }
        assertThat(checksum).hasSize(6);
        assertThat(decoded).isEqualTo(expected);
    }

    @Test
    void aSingleMistypedCharacterIsRejectedWithoutLookup() {
        String raw = SecretKey.generate().reveal();
        char[] chars = raw.toCharArray();
        chars[12] = chars[12] == 'a' ? 'b' : 'a';
        assertThat(SecretKey.parse(new String(chars))).isEmpty();
        assertThat(SecretKey.parse(raw.substring(0, raw.length() - 1))).isEmpty();
        assertThat(SecretKey.parse("sk_live_" + raw.substring(9))).isEmpty();
        assertThat(SecretKey.parse(null)).isEmpty();
    }

    @Test
    void publicKeysShareTheShapeButNotThePrefix() {
        PublicKey pub = PublicKey.generate();
        assertThat(pub.value()).matches("gpk_live_[0-9A-Za-z]{36}");
        assertThat(SecretKey.parse(pub.value())).isEmpty();
        assertThat(PublicKey.looksLikeOne(pub.value())).isTrue();
    }

    @Test
    void hashesCompareByValueAndNeverHoldTheSecret() {
        SecretKey key = SecretKey.generate();
        assertThat(key.hash().matches(SecretKey.parse(key.reveal()).orElseThrow().hash())).isTrue();
        assertThat(key.hash().matches(SecretKey.generate().hash())).isFalse();
        assertThat(key.hash().hex()).doesNotContain(key.reveal().substring(9));
        assertThat(key.toString()).doesNotContain(key.reveal().substring(9, 30));
    }

    @Test
    void scopesNest() {
        assertThat(Scope.ADMIN.includes(Scope.WRITE)).isTrue();
        assertThat(Scope.WRITE.includes(Scope.READ)).isTrue();
        assertThat(Scope.READ.includes(Scope.WRITE)).isFalse();
        assertThat(Scope.fromWire("deploy:admin")).contains(Scope.ADMIN);
        assertThat(Scope.fromWire("admin")).isEmpty();
    }
}
