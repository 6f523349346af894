using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Uplink;

/// <summary>
/// One park for the uplink tests, shared by the tests of the collection: a real influxd, Ingest
/// (embedded broker with the registry, rollups after 1 s), the simulated bureau platform over TCP
/// and the uplink, with times shortened by configuration (real-time every second, 1-minute
/// periods reported 2 s after they end, replies awaited 2 s). Each test has its own monitoring
/// point (device and MN), so they do not see each other's data.
/// </summary>
public sealed class UplinkFixture : IAsyncLifetime
{
    public const string Database = "uplink";
    public const string UplinkPassword = "uplink-pw";
    public const string Pw = "123456";
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The points: device id → MN (24 hex digits, as the standard wants). d-realtime speaks HJ 212-2025.</summary>
    public static readonly IReadOnlyDictionary<string, string> Points = new Dictionary<string, string>
    {
        ["d-values"] = "010000A8900016F000169D01",
        ["d-realtime"] = "010000A8900016F000169D02",
        ["d-outage"] = "010000A8900016F000169D03",
        ["d-resend"] = "010000A8900016F000169D04",
        ["d-history"] = "010000A8900016F000169D05",
        ["d-late"] = "010000A8900016F000169D07",
    };

    /// <summary>A device the in-process uplink does not report: the uplink-as-a-process test gives it its own registry.</summary>
    public const string ProcessDevice = "d-process";
    public const string ProcessMn = "010000A8900016F000169D06";

    private readonly string _registryDir = Directory.CreateTempSubdirectory("smartpark-uplink-registry-").FullName;

    public InfluxDbServer Influx { get; private set; } = null!;
    public IngestHost Ingest { get; private set; } = null!;
    public BureauPlatformHost Platform { get; private set; } = null!;
    public UplinkHost Uplink { get; private set; } = null!;
    public string RegistryPath => Path.Combine(_registryDir, "registry.yaml");

    public static DeviceAddress Device(string id) => new("p-up", "e-up", id);

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(RegistryPath, RegistryYaml([.. Points.Keys, ProcessDevice], Points, withEmissionPoints: true));
        Influx = await InfluxDbServer.StartAsync();
        Ingest = await IngestHost.StartAsync(Influx.Url, Database,
            $"--Registry:Path={RegistryPath}", "--Ingest:Broker:Username=ingest", "--Ingest:Broker:Password=ingest-pw",
            "--Rollups:Grace=00:00:01", "--Rollups:CheckInterval=00:00:00.200");
        Platform = await BureauPlatformHost.StartAsync(RegistryPath);
        Uplink = await UplinkHost.StartAsync(
            $"--Registry:Path={RegistryPath}",
            $"--Influx:Url={Influx.Url}", $"--Influx:Database={Database}",
            $"--Uplink:Broker:Port={Ingest.BrokerPort}", "--Uplink:Broker:Username=uplink", $"--Uplink:Broker:Password={UplinkPassword}",
            "--Uplink:Platform:Host=127.0.0.1", $"--Uplink:Platform:Port={Platform.Port}",
            "--Uplink:RtdInterval=00:00:01", "--Uplink:MinRtdInterval=00:00:01", "--Uplink:MinInterval=1",
            "--Uplink:Settle=00:00:02", "--Uplink:CheckInterval=00:00:00.300", "--Uplink:RescanInterval=00:00:01",
            "--Uplink:Lookback=7.00:00:00", "--Uplink:Backfill=7.00:00:00",
            "--Uplink:ReplyTimeout=00:00:02", "--Uplink:Retries=1",
            "--Uplink:MinReconnectDelay=00:00:00.200", "--Uplink:MaxReconnectDelay=00:00:01");
    }

    public async Task DisposeAsync()
    {
        await Uplink.DisposeAsync();
        await Platform.DisposeAsync();
        await Ingest.DisposeAsync();
        await Influx.DisposeAsync();
        try
        {
            Directory.Delete(_registryDir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    /// <summary>Publishes readings as the device itself (its registry account) and waits for the broker's acknowledgement.</summary>
    public async Task PublishAsync(string device, params (string Sensor, string Quantity, double Value, DateTimeOffset Ts, string Flag)[] readings)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Ingest.BrokerPort)
            .WithClientId(device).WithCredentials(device, device + "-pw").Build());
        long seq = 0;
        foreach (var chunk in Rounds(readings))
        {
            var batch = TelemetryJson.Batch(device, ++seq + (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 100), chunk
                .Select(r => TelemetryJson.Reading(r.Sensor, r.Quantity, r.Value, QuantityCatalogue.Get(r.Quantity).Unit, r.Ts, r.Flag)).ToArray());
            var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(SmartParkTopics.Telemetry(Device(device)))
                .WithPayload(TelemetryJson.Bytes(batch))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            Assert.True(result.IsSuccess, $"publish refused: {result.ReasonCode}");
        }
        await client.DisconnectAsync();
    }

    /// <summary>Batches of at most 50 readings that keep each sampling round (the readings of one instant) whole, as a
    /// device sends them: a flue-gas value is converted with the oxygen and flow of its own batch.</summary>
    private static IEnumerable<List<(string Sensor, string Quantity, double Value, DateTimeOffset Ts, string Flag)>> Rounds(
        IEnumerable<(string Sensor, string Quantity, double Value, DateTimeOffset Ts, string Flag)> readings)
    {
        var batch = new List<(string Sensor, string Quantity, double Value, DateTimeOffset Ts, string Flag)>();
        foreach (var round in readings.GroupBy(r => r.Ts))
        {
            if (batch.Count > 0 && batch.Count + round.Count() > 50)
            {
                yield return batch;
                batch = [];
            }
            batch.AddRange(round);
        }
        if (batch.Count > 0)
            yield return batch;
    }

    /// <summary>A local (Beijing) wall-clock time as an instant.</summary>
    public static DateTimeOffset Local(DateTime local) => new(local, Beijing);

    /// <summary>Today's local midnight, <paramref name="daysAgo"/> days back.</summary>
    public static DateTime LocalDay(int daysAgo) => DateTimeOffset.UtcNow.ToOffset(Beijing).Date.AddDays(-daysAgo);

    /// <summary>The test park with these devices (each with voc-1 nmhc and t-1 temperature) and these monitoring points.</summary>
    /// <summary>The boiler's CEMS point (NOx and flue-gas flow, reference O₂ 3.5 %, HJ 212-2025, with a production
    /// meter and the RTO's meter, facility SB1) and the wastewater outlet's point (COD and flow, ST 32).</summary>
    public const string CemsDevice = "d-cems", CemsMn = "010000A8900016F000169D08", WaterDevice = "d-water", WaterMn = "010000A8900016F000169D09";

    private const string EmissionDevices = $$"""
                  - id: {{CemsDevice}}
                    credential: 'CEMS_HASH'
                    sensors:
                      - { id: cems, quantities: [nox, o2, flue_gas_flow], emission: { referenceO2: 3.5 } }
                      - { id: line-1, quantity: power, role: production }
                      - { id: rto, quantities: [power, energy], role: treatment, idleLoad: 1.5 }
                  - id: {{WaterDevice}}
                    credential: 'WATER_HASH'
                    sensors:
                      - { id: water, quantities: [cod, wastewater_flow] }

        """;

    private const string EmissionPoints = $$"""
                  - mn: {{CemsMn}}
                    pw: '{{Pw}}'
                    st: 31
                    device: {{CemsDevice}}
                    platform: { host: 127.0.0.1, port: 1 }
                    pollutants: [nox, flue_gas_flow]
                    version: 2025
                    meters:
                      - { sensor: line-1, codes: { power: e30001 } }
                      - { sensor: rto, facility: SB1, codes: { power: e30101, energy: e30102 } }
                  - mn: {{WaterMn}}
                    pw: '{{Pw}}'
                    st: 32
                    device: {{WaterDevice}}
                    platform: { host: 127.0.0.1, port: 1 }
                    pollutants: [cod, wastewater_flow]

        """;

    public static string RegistryYaml(IEnumerable<string> devices, IReadOnlyDictionary<string, string> points, bool withEmissionPoints = false)
    {
        const int platformPort = 1; // every test sends to the simulated platform instead (Uplink:Platform)
        string Hash(string password) => MosquittoPasswordHash.Create(password, iterations: 50);
        var text = new StringBuilder("""
            parks:
              - id: p-up
                name: Uplink test park
                district: Baiyun
                areaHectares: 2
                leadingIndustry: testing
                enterprises:
                  - id: e-up
                    name: Test coating
                    industry: coating
                    floorArea: 100
                    status: operating
                    devices:

            """);
        foreach (var device in devices)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                          - id: {device}
                            credential: '{Hash(device + "-pw")}'
                            sensors:
                              - {"{"} id: voc-1, quantity: nmhc {"}"}
                              - {"{"} id: t-1, quantity: temperature {"}"}

                """);
        }
        if (withEmissionPoints)
            text.Append(EmissionDevices.Replace("CEMS_HASH", Hash(CemsDevice + "-pw"), StringComparison.Ordinal).Replace("WATER_HASH", Hash(WaterDevice + "-pw"), StringComparison.Ordinal));
        text.Append("        monitoringPoints:\n");
        if (withEmissionPoints)
            text.Append(EmissionPoints);
        foreach (var (device, mn) in points)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                          - mn: {mn}
                            pw: '{Pw}'
                            st: 31
                            device: {device}
                            platform: {"{"} host: 127.0.0.1, port: {platformPort} {"}"}
                            pollutants: {"{"} nmhc: a24088, temperature: a01012 {"}"}
                            version: {(device == "d-realtime" ? 2025 : 2017)}

                """);
        }
        text.Append(CultureInfo.InvariantCulture, $"""
            services:
              - {"{"} id: ingest, role: ingest, credential: '{Hash("ingest-pw")}' {"}"}
              - {"{"} id: uplink, role: uplink, credential: '{Hash(UplinkPassword)}' {"}"}

            """);
        return text.ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class UplinkCollection : ICollectionFixture<UplinkFixture>
{
    public const string Name = "Uplink";
}
