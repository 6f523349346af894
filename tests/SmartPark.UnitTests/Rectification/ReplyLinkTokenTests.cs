using SmartPark.Dashboard.Rectification;

namespace SmartPark.UnitTests.Rectification;

/// <summary>Reply-link tokens: 256 random bits as 43 base64url characters, stored only as their SHA-256.</summary>
public sealed class ReplyLinkTokenTests
{
    [Fact]
    public void Tokens_are_43_url_safe_characters_and_never_repeat()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => ReplyLinks.NewToken()).ToList();
        Assert.All(tokens, t => Assert.True(ReplyLinks.LooksLikeToken(t), t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("' OR 1=1 --aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Anything_else_is_not_even_looked_up(string? token) => Assert.False(ReplyLinks.LooksLikeToken(token));

    [Fact]
    public void The_hash_is_what_is_stored_and_it_differs_from_the_token()
    {
        var token = ReplyLinks.NewToken();
        var hash = ReplyLinks.Hash(token);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
        Assert.Equal(hash, ReplyLinks.Hash(token));
        Assert.StartsWith("data:image/png;base64,", ReplyLinks.QrDataUri("https://park.example/reply#" + token), StringComparison.Ordinal);
    }
}
