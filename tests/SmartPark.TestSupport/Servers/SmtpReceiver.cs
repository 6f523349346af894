using System.Globalization;
using System.Text.Json;

namespace SmartPark.TestSupport;

/// <summary>One message the SMTP server accepted: envelope sender and recipients, the login the client used, the bytes as received, and when.</summary>
public sealed record ReceivedMail(int Order, string From, IReadOnlyList<string> To, string? Login, byte[] Raw, DateTimeOffset At);

/// <summary>What the test SMTP server refuses, and whether it wants a login.</summary>
public sealed record SmtpReceiverOptions
{
    /// <summary>Recipients refused for good: <c>550 5.1.1 mailbox unknown</c>.</summary>
    public IReadOnlyList<string> Reject { get; init; } = [];

    /// <summary>The first this many messages are answered <c>451</c> (try again later).</summary>
    public int TemporaryFailures { get; init; }

    public string? User { get; init; }
    public string? Password { get; init; }
}

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd running smtp_receiver.py) on a free loopback port,
/// keeping every accepted message in a folder of its own. Stopped by PID.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly ProcessRunner _process;

    private SmtpReceiver(ProcessRunner process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    /// <summary>Where the messages are kept (NNNNNN.eml and NNNNNN.json).</summary>
    public string Directory { get; }

    public static async Task<SmtpReceiver> StartAsync(SmtpReceiverOptions? options = null, int? port = null)
    {
        if (!System.IO.Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
            throw new InvalidOperationException("python3-aiosmtpd is not installed: run ./smartpark test (it installs it)");
        options ??= new SmtpReceiverOptions();
        var listen = port ?? FreePort.Next();
        var directory = System.IO.Directory.CreateTempSubdirectory("smtp-receiver-").FullName;
        var script = Path.Combine(RepositoryPaths.Root, "tests", "SmartPark.TestSupport", "Servers", "smtp_receiver.py");
        List<string> args = [script, listen.ToString(CultureInfo.InvariantCulture), directory];
        foreach (var address in options.Reject)
            args.AddRange(["--reject", address]);
        if (options.TemporaryFailures > 0)
            args.AddRange(["--tempfail", options.TemporaryFailures.ToString(CultureInfo.InvariantCulture)]);
        if (options.User is not null)
            args.AddRange(["--auth", $"{options.User}:{options.Password}"]);
        var process = ProcessRunner.Start(Python, args);
        var receiver = new SmtpReceiver(process, listen, directory);
        try
        {
            await Poll.UntilAsync(() => Task.FromResult(process.HasExited || process.Output.Contains("READY", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the SMTP server to listen");
            if (process.HasExited)
                throw new InvalidOperationException($"the SMTP server did not start: {process.Output}");
        }
        catch
        {
            await receiver.DisposeAsync();
            throw;
        }
        return receiver;
    }

    /// <summary>Messages accepted so far, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            var mails = new List<ReceivedMail>();
            foreach (var meta in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(meta));
                var root = json.RootElement;
                var order = int.Parse(Path.GetFileNameWithoutExtension(meta), CultureInfo.InvariantCulture);
                mails.Add(new ReceivedMail(
                    order,
                    root.GetProperty("from").GetString() ?? "",
                    [.. root.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? "")],
                    root.GetProperty("login").ValueKind == JsonValueKind.String ? root.GetProperty("login").GetString() : null,
                    File.ReadAllBytes(Path.ChangeExtension(meta, ".eml")),
                    DateTimeOffset.FromUnixTimeMilliseconds((long)(root.GetProperty("at").GetDouble() * 1000))));
            }
            return mails;
        }
    }

    public string Output => _process.Output;

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
