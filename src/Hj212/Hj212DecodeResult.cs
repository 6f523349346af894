namespace SmartPark.Hj212;

/// <summary>
/// What <see cref="Hj212Decoder"/> found: the packet (whatever could be read of it, even from a
/// bad frame), every problem, and the declared and actual length and CRC for the report.
/// </summary>
public sealed record Hj212DecodeResult
{
    public Hj212Packet? Packet { get; init; }
    public IReadOnlyList<Hj212Problem> Problems { get; init; } = [];
    public int? DeclaredLength { get; init; }
    public int ActualLength { get; init; }
    public string? DeclaredCrc { get; init; }
    public string? ComputedCrc { get; init; }

    /// <summary>The data segment's text, when it could be found and read.</summary>
    public string? DataSegment { get; init; }

    public bool IsValid => Problems.Count == 0 && Packet is not null;

    /// <summary>Length and CRC hold (the fields may still have problems).</summary>
    public bool FramingHolds => !Problems.Any(p => p.Kind is Hj212ProblemKind.TooShort or Hj212ProblemKind.MissingHeader
        or Hj212ProblemKind.MissingTrailer or Hj212ProblemKind.BadLengthField or Hj212ProblemKind.LengthMismatch
        or Hj212ProblemKind.Oversize or Hj212ProblemKind.BadCrcField or Hj212ProblemKind.CrcMismatch);

    public string Summary => IsValid ? "ok" : string.Join("; ", Problems);
}
