using System.Text;
using System.Text.Json;

namespace SmartPark.BureauPlatform;

/// <summary>
/// Every frame received, in order: appended to <c>received.jsonl</c> (flushed per frame) and
/// kept in memory for the views; re-read at start, so a restarted platform still knows its history.
/// </summary>
public sealed class FrameLog : IDisposable
{
    public const string FileName = "received.jsonl";

    private readonly Lock _gate = new();
    private readonly List<ReceivedFrame> _frames = [];
    private readonly StreamWriter _writer;

    public FrameLog(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                try
                {
                    if (line.Length > 0 && JsonSerializer.Deserialize(line, PlatformJsonContext.Default.ReceivedFrame) is { } frame)
                        _frames.Add(frame);
                }
                catch (JsonException)
                {
                    // a torn last line after a crash: skip it
                }
            }
        }
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    }

    public void Add(ReceivedFrame frame)
    {
        var line = JsonSerializer.Serialize(frame, PlatformJsonContext.Default.ReceivedFrame);
        lock (_gate)
        {
            _frames.Add(frame);
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    public IReadOnlyList<ReceivedFrame> Snapshot()
    {
        lock (_gate)
            return [.. _frames];
    }

    public void Dispose()
    {
        lock (_gate)
            _writer.Dispose();
    }
}
