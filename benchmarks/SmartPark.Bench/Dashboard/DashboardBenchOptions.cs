using System.Globalization;

namespace SmartPark.Bench.Dashboard;

/// <summary>Command line of <c>./smartpark bench dashboard</c>.</summary>
internal sealed record DashboardBenchOptions
{
    public int Clients { get; init; } = 500;
    public double ReadingsPerSecond { get; init; } = 5_000;

    /// <summary>Readings per MQTT message: the Dashboard pushes one <c>readings</c> message per batch.</summary>
    public int ReadingsPerMessage { get; init; } = 10;

    public int Publishers { get; init; } = 16;

    /// <summary>How long readings flow once every client has joined.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After publishing stops, longest wait for the last receipts.</summary>
    public TimeSpan MaxDrain { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests per history range timed.</summary>
    public int HistoryRequests { get; init; } = 20;

    public bool Live { get; init; } = true;
    public bool History { get; init; } = true;

    public const string Usage = """
        usage: ./smartpark bench dashboard [options]
          --clients N          signed-in SignalR clients in the park's group (default 500)
          --rate N             readings per second published over MQTT, QoS 1 (default 5000)
          --batch N            readings per MQTT message (default 10)
          --publishers N       MQTT publisher connections (default 16)
          --hold SECONDS       how long readings flow once every client has joined (default 30)
          --drain SECONDS      longest wait for the last receipts afterwards (default 60)
          --requests N         requests per history range (default 20)
          --live               only the live part (SignalR clients)
          --history            only the history part (a month of rollups through the history API)
        """;

    public static DashboardBenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new DashboardBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--clients" => o with { Clients = (int)Number() },
                "--rate" => o with { ReadingsPerSecond = Number() },
                "--batch" => o with { ReadingsPerMessage = (int)Number() },
                "--publishers" => o with { Publishers = (int)Number() },
                "--hold" => o with { Hold = TimeSpan.FromSeconds(Number()) },
                "--drain" => o with { MaxDrain = TimeSpan.FromSeconds(Number()) },
                "--requests" => o with { HistoryRequests = (int)Number() },
                "--live" => o with { History = false },
                "--history" => o with { Live = false },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (o.Clients < 1 || o.ReadingsPerSecond <= 0 || o.ReadingsPerMessage < 1 || o.Publishers < 1 || o.HistoryRequests < 1)
            throw new ArgumentException("clients, rate, batch, publishers and requests must be positive");
        return o;
    }
}
