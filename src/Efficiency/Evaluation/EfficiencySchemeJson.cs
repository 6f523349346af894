using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// The scheme's JSON document (camelCase, as stored in <c>EfficiencySchemeRow.Document</c> and
/// sent by the scheme page): read strictly (an unknown member is an error, not silently dropped, so
/// a misspelt "benchmak" never falls back to a default) and validated.
/// </summary>
public static class EfficiencySchemeJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The scheme as JSON.</summary>
    public static string Serialize(EfficiencyScheme scheme) => JsonSerializer.Serialize(scheme, Options);

    /// <summary>Reads and validates a scheme; false with every error found (JSON first, then rules).</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out EfficiencyScheme? scheme, out IReadOnlyList<string> errors)
    {
        scheme = null;
        EfficiencyScheme? read;
        try
        {
            read = JsonSerializer.Deserialize<EfficiencyScheme>(json, Options);
        }
        catch (JsonException e)
        {
            errors = [$"{e.Path ?? "$"}: {FirstSentence(e.Message)}"];
            return false;
        }
        if (read is null)
        {
            errors = ["$: the scheme is null"];
            return false;
        }
        errors = EfficiencySchemeValidator.Validate(read);
        if (errors.Count > 0)
        {
            return false;
        }
        scheme = read;
        return true;
    }

    /// <summary>Reads and validates a scheme; throws <see cref="EfficiencySchemeException"/> with every error.</summary>
    public static EfficiencyScheme Parse(string json) =>
        TryParse(json, out var scheme, out var errors) ? scheme : throw new EfficiencySchemeException(errors);

    // System.Text.Json appends "Path: … | LineNumber: …" to its messages; the path is given first already.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>A scheme document that cannot be used, with every error found.</summary>
public sealed class EfficiencySchemeException(IReadOnlyList<string> errors)
    : Exception("invalid efficiency scheme: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
