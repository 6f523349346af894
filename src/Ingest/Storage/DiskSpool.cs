using System.Buffers.Binary;
using System.Text;
using SmartPark.Platform.Storage;

namespace SmartPark.Ingest.Storage;

/// <summary>
/// Where accepted points wait, durably, while InfluxDB is down or slow. Append-only segment
/// files of length-prefixed records; each append is flushed to the disk (fsync) before it returns,
/// which is when the MQTT messages behind it may be acknowledged. Segments are replayed oldest
/// first and deleted once InfluxDB has them. A torn record at the tail (power cut mid-append) was
/// never acknowledged, so reading stops there without loss. Total size is bounded: when full,
/// <see cref="TryAppend"/> says no and the caller holds its acknowledgements back. Creating and
/// deleting a segment flushes the folder too: a flushed record in a file whose name a power cut
/// took away would be lost all the same.
/// </summary>
public sealed class DiskSpool : IDisposable
{
    private const uint Magic = 0x53505031; // "SPP1"
    private const int HeaderBytes = 8;
    private const long SegmentBytes = 8 * 1024 * 1024;

    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, long> _segments = []; // number → bytes
    private FileStream? _current;
    private long _currentNumber;
    private long _bytes;

    public DiskSpool(string directory, long maxBytes)
    {
        _directory = Path.GetFullPath(directory);
        _maxBytes = maxBytes;
        System.IO.Directory.CreateDirectory(_directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(_directory, "*.spool"))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), out var number))
            {
                var length = new FileInfo(file).Length;
                _segments[number] = length;
                _bytes += length;
                _currentNumber = Math.Max(_currentNumber, number);
            }
        }
    }

    public long Bytes
    {
        get
        {
            lock (_gate)
                return _bytes;
        }
    }

    public long MaxBytes => _maxBytes;

    public string Directory => _directory;

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
                return _bytes == 0;
        }
    }

    /// <summary>Appends one record and flushes it to disk. False when the spool is full.</summary>
    public bool TryAppend(IReadOnlyList<string> lines)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var record = new byte[HeaderBytes + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(record, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), payload.Length);
        payload.CopyTo(record, HeaderBytes);
        lock (_gate)
        {
            if (_bytes + record.Length > _maxBytes && _bytes > 0)
                return false;
            if (_current is null || _current.Length >= SegmentBytes)
                OpenNextSegment();
            _current!.Write(record);
            _current.Flush(flushToDisk: true);
            _segments[_currentNumber] += record.Length;
            _bytes += record.Length;
            return true;
        }
    }

    /// <summary>The oldest segment to replay, closed to appends; null when the spool is empty.</summary>
    public SpoolSegment? Oldest()
    {
        lock (_gate)
        {
            if (_segments.Count == 0)
                return null;
            var number = _segments.Keys.First();
            if (number == _currentNumber && _current is not null)
            {
                // Close it so the replay reads a finished file; later appends start the next one.
                _current.Dispose();
                _current = null;
            }
            return new SpoolSegment(number, SegmentPath(number));
        }
    }

    /// <summary>The segment's records, oldest first; stops at a torn tail.</summary>
    public static IEnumerable<IReadOnlyList<string>> Read(SpoolSegment segment)
    {
        using var file = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[HeaderBytes];
        while (file.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) == HeaderBytes)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic || length < 0 || length > file.Length - file.Position)
                yield break;
            var payload = new byte[length];
            file.ReadExactly(payload);
            yield return Encoding.UTF8.GetString(payload).Split('\n');
        }
    }

    /// <summary>InfluxDB has everything in the segment: forget it.</summary>
    public void Complete(SpoolSegment segment)
    {
        lock (_gate)
        {
            File.Delete(segment.Path);
            // Else a power cut could bring the segment back: replayed again, harmless but slow.
            DirectorySync.Flush(_directory);
            if (_segments.Remove(segment.Number, out var length))
                _bytes -= length;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    private void OpenNextSegment()
    {
        _current?.Dispose();
        _currentNumber++;
        _current = new FileStream(SegmentPath(_currentNumber), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        DirectorySync.Flush(_directory);
        _segments[_currentNumber] = 0;
    }

    private string SegmentPath(long number) => Path.Combine(_directory, $"{number:D12}.spool");
}

public sealed record SpoolSegment(long Number, string Path);
