using Platform.Identity.Realm;

namespace Platform.Identity.Tests;

public sealed class PasswordHasherTests
{
    [Test]
    public void A_hashed_password_verifies_and_another_does_not()
    {
        var credential = PasswordHasher.Hash("Mật-khẩu mới 2026");

        Assert.That(PasswordHasher.Verify("Mật-khẩu mới 2026", credential), Is.True);
        Assert.That(PasswordHasher.Verify("Mật-khẩu mới 2025", credential), Is.False);
    }

    [Test]
    public void A_keycloak_pbkdf2_sha256_credential_verifies()
    {
        // Derived independently (Python hashlib.pbkdf2_hmac, SHA-256, 27500 rounds, 32 bytes) for the password "admin".
        var credential = new RealmCredential
        {
            SecretData = """{"value":"yku0GJR0ZThvvkVht8KT0yRME3K55jEjnBZobaeRJEE=","salt":"AAECAwQFBgcICQoLDA0ODw==","additionalParameters":{}}""",
            CredentialData = """{"hashIterations":27500,"algorithm":"pbkdf2-sha256","additionalParameters":{}}""",
        };

        Assert.That(PasswordHasher.Verify("admin", credential), Is.True);
    }

    [Test]
    public void An_unknown_algorithm_never_verifies()
    {
        var credential = PasswordHasher.Hash("x");
        var other = new RealmCredential { SecretData = credential.SecretData, CredentialData = """{"hashIterations":1,"algorithm":"argon2"}""" };

        Assert.That(PasswordHasher.Verify("x", other), Is.False);
    }

    [Test]
    public void The_hash_password_switch_prints_a_credential_read_from_standard_input()
    {
        using var output = new StringWriter();

        var handled = PasswordHashCommand.TryRun(["--hash-password"], new StringReader("Bí-mật\n"), output);

        Assert.That(handled, Is.True);
        var credential = System.Text.Json.JsonSerializer.Deserialize<RealmCredential>(output.ToString(), RealmFile.JsonOptions)!;
        Assert.That(PasswordHasher.Verify("Bí-mật", credential), Is.True);
        Assert.That(output.ToString(), Does.Not.Contain("Bí-mật"));
    }

    [Test]
    public void Without_the_switch_the_server_starts_as_usual()
    {
        Assert.That(PasswordHashCommand.TryRun(["--urls", "http://127.0.0.1:5100"], TextReader.Null, TextWriter.Null), Is.False);
    }
}
