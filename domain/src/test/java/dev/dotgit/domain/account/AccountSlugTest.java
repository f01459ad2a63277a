package dev.dotgit.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountSlugTest {

    @Test
    void slugsAreTwoToThirtyNineLowercaseLettersDigitsOrInnerHyphens() {
        for (String good : new String[] {"ab", "acme", "a-b", "default", "a1", "x".repeat(39)}) {
            assertThat(AccountSlug.isValid(good)).as(good).isTrue();
        }
        for (String bad : new String[] {"a", "-ab", "ab-", "Acme", "a_b", "a b", "x".repeat(40), "", "ü1"}) {
            assertThat(AccountSlug.isValid(bad)).as(bad).isFalse();
        }
        assertThat(AccountSlug.isValid(null)).isFalse();
    }
}
