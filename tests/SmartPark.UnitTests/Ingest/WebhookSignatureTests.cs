using System.Text;
using SmartPark.Ingest.Notifications.Webhooks;

namespace SmartPark.UnitTests.Ingest;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"raised","alertId":"a1"}""");

    [Fact]
    public void Signature_verifies_with_the_secret()
    {
        var signature = WebhookSignature.Sign("s3cret", 1764000000, Body);
        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.Equal(7 + 64, signature.Length);
        Assert.True(WebhookSignature.Verify("s3cret", "1764000000", Body, signature));
    }

    [Fact]
    public void Signature_fails_with_a_wrong_secret_a_changed_body_or_another_timestamp()
    {
        var signature = WebhookSignature.Sign("s3cret", 1764000000, Body);
        Assert.False(WebhookSignature.Verify("wrong", "1764000000", Body, signature));
        Assert.False(WebhookSignature.Verify("s3cret", "1764000001", Body, signature));
        Assert.False(WebhookSignature.Verify("s3cret", "1764000000", Encoding.UTF8.GetBytes("""{"event":"closed","alertId":"a1"}"""), signature));
        Assert.False(WebhookSignature.Verify("s3cret", "not-a-time", Body, signature));
        Assert.False(WebhookSignature.Verify("s3cret", "1764000000", Body, null));
    }

    [Fact]
    public void Signature_is_hmac_sha256_over_timestamp_dot_body_as_the_readme_documents()
    {
        // The same vector as src/Ingest/README.md "Bureau webhook"; computed independently with Python's hmac.
        var signature = WebhookSignature.Sign("s3cret", 1764000000, Encoding.UTF8.GetBytes("""{"event":"raised"}"""));
        Assert.Equal("sha256=40f8c2cc8d2161dbf2eafcf5b3ad3c8245f26938c12eb729bf70a1dd7ca982f3", signature);
    }
}
