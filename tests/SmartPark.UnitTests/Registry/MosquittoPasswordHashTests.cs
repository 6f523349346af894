using SmartPark.Contracts.Registry;

namespace SmartPark.UnitTests.Registry;

public class MosquittoPasswordHashTests
{
    // Made by Debian's mosquitto_passwd 2.0.11: `mosquitto_passwd -b pw alice 's3cret pass'`.
    // (The integration tests run the real tool too.)
    private const string FromMosquittoPasswd =
        "$7$101$JKItytFcbecrkhsq$gmLyBwSj9INFlqLtGyvZi/ORh15o2mW+sBOgh/sxS0y0+dqKufpkaZvm/jpWZkLSPjePNh10t0YCLY1s1lsjgA==";

    [Fact]
    public void A_hash_made_by_mosquitto_passwd_verifies()
    {
        Assert.True(MosquittoPasswordHash.TryParse(FromMosquittoPasswd, out var hash, out _));
        Assert.Equal(101, hash.Iterations);
        Assert.True(hash.Verify("s3cret pass"));
        Assert.False(hash.Verify("s3cret pass "));
        Assert.Equal(FromMosquittoPasswd, hash.ToString());
    }

    [Fact]
    public void Created_hashes_have_mosquittos_shape_and_a_fresh_salt()
    {
        var a = MosquittoPasswordHash.Create("pw", iterations: 50);
        var b = MosquittoPasswordHash.Create("pw", iterations: 50);
        Assert.Matches(@"^\$7\$50\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$", a);
        Assert.NotEqual(a, b);
        Assert.True(MosquittoPasswordHash.TryParse(a, out var parsed, out _));
        Assert.True(parsed.Verify("pw"));
        Assert.False(parsed.Verify("PW"));
        Assert.StartsWith("$7$10000$", MosquittoPasswordHash.Create("pw"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hunter2", "it must start with $7$")]
    [InlineData("$6$abc$def", "it must start with $7$")]
    [InlineData("$7$101$abc", "expected $7$<iterations>$<salt>$<hash>")]
    [InlineData("$7$x$JKItytFcbecrkhsq$gmLy", "iterations 'x' is not a positive number")]
    [InlineData("$7$0$JKItytFcbecrkhsq$gmLy", "iterations '0' is not a positive number")]
    [InlineData("$7$101$!!$gmLy", "the salt is not base64")]
    [InlineData("$7$101$JKItytFcbecrkhsq$gmLyBwSj", "the hash is not 64 bytes of base64")]
    public void Malformed_hashes_are_refused_with_the_reason(string encoded, string problem)
    {
        Assert.False(MosquittoPasswordHash.TryParse(encoded, out _, out var actual));
        Assert.Equal(problem, actual);
    }

    [Fact]
    public void The_cache_derives_once_per_good_login_and_every_time_for_a_bad_one()
    {
        var stored = MosquittoPasswordHash.Create("pw", iterations: 20);
        var cache = new CredentialCache();

        Assert.True(cache.Verify("d1", "pw", stored));
        Assert.True(cache.Verify("d1", "pw", stored));
        Assert.Equal(1, cache.Derivations);

        Assert.False(cache.Verify("d1", "wrong", stored));
        Assert.False(cache.Verify("d1", "wrong", stored));
        Assert.Equal(3, cache.Derivations);

        // Same password, other user, or a new credential in the registry: not a cache hit.
        Assert.True(cache.Verify("d2", "pw", stored));
        var rotated = MosquittoPasswordHash.Create("pw2", iterations: 20);
        Assert.False(cache.Verify("d1", "pw", rotated));
        Assert.Equal(5, cache.Derivations);
        Assert.False(cache.Verify("d1", "pw", "not a hash"));
    }

    [Fact]
    public void A_full_cache_starts_over_rather_than_grow()
    {
        var stored = MosquittoPasswordHash.Create("pw", iterations: 5);
        var cache = new CredentialCache(capacity: 2);
        Assert.True(cache.Verify("a", "pw", stored));
        Assert.True(cache.Verify("b", "pw", stored));
        Assert.True(cache.Verify("c", "pw", stored)); // clears, then remembers c
        Assert.True(cache.Verify("a", "pw", stored));
        Assert.Equal(4, cache.Derivations);
    }
}
