namespace SmartPark.Ingest.Broker.Transport;

/// <summary>What <see cref="MqttFixedHeaderScanner.Scan"/> found in the bytes it was given.</summary>
public enum FixedHeaderVerdict
{
    /// <summary>Every packet so far is within the limit.</summary>
    Ok,

    /// <summary>A packet's remaining length is over the limit.</summary>
    TooLarge,

    /// <summary>A remaining length whose fourth byte still says "more follows" (MQTT allows at most four).</summary>
    Malformed,
}

/// <summary>
/// Follows the MQTT packets in a byte stream as the bytes go by, without copying or allocating:
/// each packet's fixed header (a type byte, then a remaining length of one to four bytes, seven
/// bits each, least significant first, the top bit saying another follows), then it skips the
/// body by count. MQTTnet allocates a packet's whole body as soon as it has read its remaining
/// length, so the length must be judged here, before MQTTnet sees its last byte.
/// A mutable struct, kept in a field of its one owner; the work per read is per packet, not per byte.
/// </summary>
public struct MqttFixedHeaderScanner(int maxRemainingLength)
{
    private const int MaxLengthBytes = 4;

    private enum Part : byte
    {
        TypeByte,
        RemainingLength,
        Body,
    }

    private Part _part;
    private int _lengthBytes;
    private int _length;
    private int _multiplier;
    private int _bodyLeft;

    /// <summary>Packets whose last byte has gone by.</summary>
    public long PacketsCompleted { get; private set; }

    /// <summary>The remaining length last decoded (or, when refused, as far as it was decoded).</summary>
    public readonly int LastRemainingLength => _length;

    /// <summary>
    /// Follows <paramref name="data"/>, the next bytes of the stream. Stops at the first byte that
    /// makes the stream unacceptable; after anything but <see cref="FixedHeaderVerdict.Ok"/> the
    /// connection must be closed, and the scanner is not to be used again.
    /// </summary>
    public FixedHeaderVerdict Scan(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            switch (_part)
            {
                case Part.Body:
                    var skip = Math.Min(_bodyLeft, data.Length - i);
                    i += skip;
                    _bodyLeft -= skip;
                    if (_bodyLeft == 0)
                        EndPacket();
                    break;
                case Part.TypeByte:
                    i++;
                    _part = Part.RemainingLength;
                    _lengthBytes = 0;
                    _length = 0;
                    _multiplier = 1;
                    break;
                default:
                    var b = data[i++];
                    _lengthBytes++;
                    _length += (b & 0x7F) * _multiplier;
                    // The value only grows with each byte, so it can be refused before it is complete.
                    if (_length > maxRemainingLength)
                        return FixedHeaderVerdict.TooLarge;
                    if ((b & 0x80) != 0)
                    {
                        if (_lengthBytes == MaxLengthBytes)
                            return FixedHeaderVerdict.Malformed;
                        _multiplier *= 128;
                        break;
                    }
                    if (_length == 0)
                    {
                        EndPacket();
                    }
                    else
                    {
                        _bodyLeft = _length;
                        _part = Part.Body;
                    }
                    break;
            }
        }
        return FixedHeaderVerdict.Ok;
    }

    private void EndPacket()
    {
        _part = Part.TypeByte;
        PacketsCompleted++;
    }
}
