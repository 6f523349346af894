using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard.Auth;

public sealed class BoundedLruTests
{
    [Fact]
    public void When_full_the_least_recently_used_entry_is_forgotten()
    {
        var map = new BoundedLru<int>(2);
        map.Set("a", 1);
        map.Set("b", 2);
        Assert.True(map.TryGet("a", out _)); // a is now the most recent
        map.Set("c", 3);

        Assert.Equal(2, map.Count);
        Assert.False(map.TryGet("b", out _));
        Assert.True(map.TryGet("a", out var a) && a == 1);
        Assert.True(map.TryGet("c", out var c) && c == 3);
    }

    [Fact]
    public void A_flood_of_distinct_keys_never_grows_it_past_its_capacity()
    {
        var map = new BoundedLru<int>(100);
        for (var i = 0; i < 10_000; i++)
            map.Set("k" + i, i);
        Assert.Equal(100, map.Count);
        Assert.True(map.TryGet("k9999", out _));
        Assert.False(map.TryGet("k0", out _));
    }
}
