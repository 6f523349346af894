using System.Diagnostics.CodeAnalysis;
using SmartPark.Contracts.Telemetry;

namespace SmartPark.Contracts.Validation;

/// <summary>Either an accepted batch (every member checked present) or every reason it was not.</summary>
public sealed record TelemetryValidationResult(TelemetryBatch? Batch, IReadOnlyList<ValidationError> Errors)
{
    [MemberNotNullWhen(true, nameof(Batch))]
    public bool IsValid => Errors.Count == 0 && Batch is not null;

    public string Summary => string.Join("; ", Errors);
}
