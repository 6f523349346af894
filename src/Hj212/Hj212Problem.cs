namespace SmartPark.Hj212;

/// <summary>What can be wrong with a received frame.</summary>
public enum Hj212ProblemKind
{
    /// <summary>Shorter than the smallest frame (<c>##</c>, length, CRC, CR LF).</summary>
    TooShort,
    MissingHeader,
    MissingTrailer,
    /// <summary>The length field is not 4 decimal digits.</summary>
    BadLengthField,
    /// <summary>The length field disagrees with the data segment's byte count.</summary>
    LengthMismatch,
    /// <summary>The data segment is longer than 1024 bytes.</summary>
    Oversize,
    /// <summary>The CRC field is not 4 hex digits.</summary>
    BadCrcField,
    /// <summary>The CRC field disagrees with the CRC of the data segment.</summary>
    CrcMismatch,
    /// <summary>The data segment is not UTF-8.</summary>
    BadEncoding,
    MissingField,
    BadField,
    UnknownField,
    /// <summary>CP is not <c>CP=&amp;&amp;…&amp;&amp;</c> or its content is not Name=value items.</summary>
    BadCp,
}

/// <summary>One problem of a frame, in words an operator can act on.</summary>
public sealed record Hj212Problem(Hj212ProblemKind Kind, string Message)
{
    public override string ToString() => Message;
}
