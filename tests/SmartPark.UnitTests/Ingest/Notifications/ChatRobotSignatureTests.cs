using SmartPark.Ingest.Notifications.DingTalk;
using SmartPark.Ingest.Notifications.Feishu;

namespace SmartPark.UnitTests.Ingest.Notifications;

/// <summary>
/// The two robots' signatures against values computed outside .NET (no test vector is published for
/// either): <c>printf '%s' "$TS\n$SECRET" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64</c> for
/// DingTalk's 加签, and <c>printf '' | openssl dgst -sha256 -hmac "$TS\n$SECRET" -binary | base64</c> for
/// Feishu's 签名校验 (the string to sign is the key, the message empty, as Feishu's samples do).
/// </summary>
public sealed class ChatRobotSignatureTests
{
    private const string DingTalkSecret = "SEC0f3b8c2d9e7a41b6a5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2";
    private const string FeishuSecret = "unit-test-feishu-secret-7Hq2";

    [Fact]
    public void DingTalk_signs_milliseconds_line_feed_secret_keyed_with_the_secret()
    {
        Assert.Equal("uuwc1aud6MA6MPgOIJaaISsXAfJZlH9ItSuUhWRQVSA=", DingTalkSignature.Sign(DingTalkSecret, 1_700_000_000_000));
        Assert.True(DingTalkSignature.Verify(DingTalkSecret, "1700000000000", "uuwc1aud6MA6MPgOIJaaISsXAfJZlH9ItSuUhWRQVSA="));
        Assert.False(DingTalkSignature.Verify(DingTalkSecret, "1700000000001", "uuwc1aud6MA6MPgOIJaaISsXAfJZlH9ItSuUhWRQVSA="));
        Assert.False(DingTalkSignature.Verify("SECanother", "1700000000000", "uuwc1aud6MA6MPgOIJaaISsXAfJZlH9ItSuUhWRQVSA="));
    }

    [Fact]
    public void DingTalk_puts_timestamp_and_url_encoded_sign_after_the_access_token()
    {
        var url = DingTalkSignature.SignedUrl(new Uri("https://oapi.dingtalk.com/robot/send?access_token=abc123"), DingTalkSecret, 1_700_000_000_000);
        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1700000000000&sign=uuwc1aud6MA6MPgOIJaaISsXAfJZlH9ItSuUhWRQVSA%3D", url.AbsoluteUri);
    }

    [Fact]
    public void DingTalk_url_encodes_the_plus_and_slash_of_base64()
    {
        // A timestamp whose signature has both characters that a query would otherwise mangle.
        var (timestamp, sign) = Enumerable.Range(0, 10_000)
            .Select(i => 1_700_000_000_000L + i)
            .Select(ts => (ts, sign: DingTalkSignature.Sign(DingTalkSecret, ts)))
            .First(s => s.sign.Contains('+', StringComparison.Ordinal) && s.sign.Contains('/', StringComparison.Ordinal));
        var url = DingTalkSignature.SignedUrl(new Uri("https://oapi.dingtalk.com/robot/send?access_token=abc123"), DingTalkSecret, timestamp);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(sign, query["sign"]);
        Assert.DoesNotContain("+", url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Feishu_signs_with_seconds_line_feed_secret_as_the_key_over_nothing()
    {
        Assert.Equal("yUw4/PAL3JTwLyTJcHY4ZCU0egmf6wL76ObRJ6PMOSw=", FeishuSignature.Sign(FeishuSecret, 1_599_360_473));
        Assert.True(FeishuSignature.Verify(FeishuSecret, "1599360473", "yUw4/PAL3JTwLyTJcHY4ZCU0egmf6wL76ObRJ6PMOSw="));
        Assert.False(FeishuSignature.Verify(FeishuSecret, "1599360474", "yUw4/PAL3JTwLyTJcHY4ZCU0egmf6wL76ObRJ6PMOSw="));
    }

    [Fact]
    public void Feishu_adds_timestamp_and_sign_to_a_copy_and_leaves_the_stored_message_alone()
    {
        var stored = """{"msg_type":"interactive","card":{"header":{"title":{"tag":"plain_text","content":"x"}}}}"""u8.ToArray();
        var before = stored.ToArray();
        var first = System.Text.Json.Nodes.JsonNode.Parse(FeishuRobotSender.Signed(stored, FeishuSecret, 1_599_360_473))!;
        var later = System.Text.Json.Nodes.JsonNode.Parse(FeishuRobotSender.Signed(stored, FeishuSecret, 1_599_364_073))!;
        Assert.Equal(before, stored);
        Assert.Equal(("1599360473", "yUw4/PAL3JTwLyTJcHY4ZCU0egmf6wL76ObRJ6PMOSw="), ((string?)first["timestamp"], (string?)first["sign"]));
        Assert.Equal("interactive", (string?)first["msg_type"]);
        Assert.Equal("x", (string?)first["card"]!["header"]!["title"]!["content"]);
        // An hour later: a new timestamp and a new signature for the same message.
        Assert.Equal("1599364073", (string?)later["timestamp"]);
        Assert.True(FeishuSignature.Verify(FeishuSecret, (string?)later["timestamp"], (string?)later["sign"]));
        Assert.NotEqual((string?)first["sign"], (string?)later["sign"]);
    }
}
