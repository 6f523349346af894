using System.Text;
using System.Text.Json.Nodes;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;

namespace SmartPark.UnitTests.Contracts;

public class TelemetryValidatorTests
{
    private static readonly DeviceAddress Device = new("p1", "e1", "d1");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 5, TimeSpan.Zero);

    private static TelemetryValidationResult Validate(JsonNode node) =>
        TelemetryValidator.Validate(TelemetryJson.Bytes(node), Device, Now);

    private static TelemetryValidationResult Validate(string json) =>
        TelemetryValidator.Validate(Encoding.UTF8.GetBytes(json), Device, Now);

    private static JsonObject Reading() => TelemetryJson.Reading(ts: Now.AddSeconds(-5));

    private static IEnumerable<string> Codes(TelemetryValidationResult r) => r.Errors.Select(e => e.Code);

    [Fact]
    public void Accepts_the_architecture_example()
    {
        var result = Validate("""
            { "schema": 1, "device": "d1", "seq": 18422, "sentAt": "2026-11-24T08:00:01.250Z",
              "readings": [ { "sensor": "voc-1", "quantity": "nmhc", "value": 2.7, "unit": "mg/m3",
                              "ts": "2026-11-24T08:00:00.000Z", "flag": "N" } ] }
            """);
        Assert.True(result.IsValid, result.Summary);
        Assert.Equal(18422, result.Batch.Seq);
        Assert.Equal(2.7, result.Batch.Readings![0].Value);
    }

    [Fact]
    public void Oversize_payload_is_refused_before_parsing()
    {
        var big = new byte[64 * 1024 + 1];
        var result = TelemetryValidator.Validate(big, Device, Now);
        Assert.Equal([RejectionCodes.PayloadTooLarge], Codes(result));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"schema":1,"device":"d1","seq":1,"sentAt":"2026-11-24T08:00:01Z","readings":[{"value":NaN}]}""")]
    [InlineData("""{"schema":1,"seq":"one"}""")]
    public void Malformed_json_is_named_with_where_it_breaks(string json)
    {
        var result = Validate(json);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RejectionCodes.MalformedJson, error.Code);
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_is_malformed() => Assert.Equal([RejectionCodes.MalformedJson], Codes(Validate("null")));

    [Fact]
    public void Every_missing_header_field_is_reported_at_once()
    {
        var result = Validate("{}");
        Assert.Equal(5, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(RejectionCodes.MissingField, e.Code));
        Assert.Contains(result.Errors, e => e.Message.StartsWith("schema", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.StartsWith("readings", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_schema_device_and_negative_seq_are_each_named()
    {
        var batch = TelemetryJson.Batch("d2", -1, Reading());
        batch["schema"] = 2;
        Assert.Equal([RejectionCodes.UnsupportedSchema, RejectionCodes.DeviceMismatch, RejectionCodes.InvalidSeq], Codes(Validate(batch)));
    }

    [Fact]
    public void Empty_and_oversized_reading_lists_are_refused()
    {
        Assert.Equal([RejectionCodes.NoReadings], Codes(Validate(TelemetryJson.Batch("d1", 1))));
        var four = TelemetryJson.Bytes(TelemetryJson.Batch("d1", 1, Reading(), Reading(), Reading(), Reading()));
        var result = TelemetryValidator.Validate(four, Device, Now, new TelemetryValidationOptions { MaxReadings = 3 });
        Assert.Equal([RejectionCodes.TooManyReadings], Codes(result));
    }

    [Fact]
    public void Unknown_quantity()
    {
        var r = Reading();
        r["quantity"] = "radon";
        var error = Assert.Single(Validate(TelemetryJson.Batch("d1", 1, r)).Errors);
        Assert.Equal(RejectionCodes.UnknownQuantity, error.Code);
        Assert.Contains("readings[0].quantity 'radon'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quantity_ingest_derives_is_refused_from_a_device_even_in_its_own_unit()
    {
        // An enterprise holds its devices: a device that could send its own converted NOx could send
        // whatever passes the limit, so the fast path must not accept it either.
        var r = Reading();
        r["quantity"] = "nox_converted";
        r["unit"] = "mg/m3";
        var error = Assert.Single(Validate(TelemetryJson.Batch("d1", 1, r)).Errors);
        Assert.Equal(RejectionCodes.DerivedQuantity, error.Code);
        Assert.Contains("derived by Ingest from 'nox'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_unit_names_the_canonical_one()
    {
        var r = Reading();
        r["unit"] = "ppm";
        var error = Assert.Single(Validate(TelemetryJson.Batch("d1", 1, r)).Errors);
        Assert.Equal(RejectionCodes.WrongUnit, error.Code);
        Assert.Contains("'mg/m3'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Non_finite_values_are_refused(string value)
    {
        var r = Reading();
        r["value"] = value;
        Assert.Equal([RejectionCodes.NotFinite], Codes(Validate(TelemetryJson.Batch("d1", 1, r))));
    }

    [Fact]
    public void Physically_impossible_values_are_refused()
    {
        var negative = Reading();
        negative["value"] = -3;
        var humid = TelemetryJson.Reading("rh-1", "humidity", 130, "%RH", Now);
        Assert.Equal([RejectionCodes.OutOfRange, RejectionCodes.OutOfRange], Codes(Validate(TelemetryJson.Batch("d1", 1, negative, humid))));
    }

    [Fact]
    public void Detectors_report_zero_or_one()
    {
        var smoke = TelemetryJson.Reading("smoke-1", "smoke", 0.5, "bool", Now);
        Assert.Equal([RejectionCodes.NotBoolean], Codes(Validate(TelemetryJson.Batch("d1", 1, smoke))));
        var alarm = TelemetryJson.Reading("smoke-1", "smoke", 1, "bool", Now);
        Assert.True(Validate(TelemetryJson.Batch("d1", 1, alarm)).IsValid);
    }

    [Fact]
    public void Unknown_flag()
    {
        var r = Reading();
        r["flag"] = "X";
        Assert.Equal([RejectionCodes.InvalidFlag], Codes(Validate(TelemetryJson.Batch("d1", 1, r))));
    }

    [Fact]
    public void Invalid_sensor_id()
    {
        var r = Reading();
        r["sensor"] = "VOC 1";
        Assert.Equal([RejectionCodes.InvalidId], Codes(Validate(TelemetryJson.Batch("d1", 1, r))));
    }

    [Fact]
    public void Timestamps_far_in_the_future_or_past_are_refused()
    {
        var future = TelemetryJson.Reading(ts: Now.AddHours(1));
        var ancient = TelemetryJson.Reading(ts: new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var slightlyAhead = TelemetryJson.Reading(ts: Now.AddMinutes(4));
        Assert.Equal([RejectionCodes.TimestampInFuture, RejectionCodes.TimestampTooOld],
            Codes(Validate(TelemetryJson.Batch("d1", 1, future, ancient, slightlyAhead))));
    }

    [Fact]
    public void Every_reason_in_every_reading_is_returned_together()
    {
        var a = Reading();
        a.Remove("unit");
        a["flag"] = "Z";
        var b = Reading();
        b["quantity"] = "nope";
        b["value"] = "NaN";
        var result = Validate(TelemetryJson.Batch("d1", 1, a, b));
        Assert.False(result.IsValid);
        Assert.Equal(
            [RejectionCodes.MissingField, RejectionCodes.InvalidFlag, RejectionCodes.UnknownQuantity, RejectionCodes.NotFinite],
            Codes(result));
        Assert.Contains("readings[0].unit", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("readings[1]", result.Errors[2].Message, StringComparison.Ordinal);
    }
}
