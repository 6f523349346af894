namespace SmartPark.Contracts.Validation;

/// <summary>One reason a batch was rejected: a stable <see cref="Code"/> for programs, a
/// <see cref="Message"/> for people (it names the offending field).</summary>
public sealed record ValidationError(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
