using System.Buffers;
using System.Text;
using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Validation;
using SmartPark.Ingest.Consumer;

namespace SmartPark.UnitTests.Ingest;

public class DeadLettersTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static DeadLetter Read(MQTTnet.MqttApplicationMessage message) =>
        JsonSerializer.Deserialize(message.Payload.ToArray(), ContractsJsonContext.Default.DeadLetter)!;

    [Fact]
    public void Goes_to_the_devices_dead_letter_topic_with_reasons_and_the_payload_as_text()
    {
        var message = DeadLetters.Build("smartpark/v1/p1/e1/d1/telemetry", "{bad"u8, [new("malformed_json", "oops")], At);
        Assert.Equal("smartpark/v1/deadletter/p1/e1/d1", message.Topic);
        var letter = Read(message);
        Assert.Equal("{bad", letter.Payload);
        Assert.Equal("utf8", letter.PayloadEncoding);
        Assert.Equal("malformed_json", Assert.Single(letter.Errors).Code);
    }

    [Fact]
    public void Binary_payloads_are_kept_as_base64_and_bad_topics_go_to_the_unaddressed_letter_box()
    {
        byte[] binary = [0xff, 0xfe, 0x00, 0x01];
        var message = DeadLetters.Build("smartpark/v1/P1/e1/d1/telemetry", binary, [new("invalid_topic", "bad")], At);
        Assert.Equal("smartpark/v1/deadletter/_/_/_", message.Topic);
        var letter = Read(message);
        Assert.Equal("base64", letter.PayloadEncoding);
        Assert.Equal(binary, Convert.FromBase64String(letter.Payload));
    }

    [Fact]
    public void An_oversize_payload_is_cut_but_its_size_is_told()
    {
        var big = Encoding.UTF8.GetBytes(new string('x', 100_000));
        var letter = Read(DeadLetters.Build("smartpark/v1/p/e/d/telemetry", big, [new("payload_too_large", "big")], At));
        Assert.Equal(100_000, letter.PayloadBytes);
        Assert.True(letter.Payload.Length < 70_000);
    }
}
