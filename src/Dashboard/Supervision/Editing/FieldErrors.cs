using SmartPark.ParkData.Validation;

namespace SmartPark.Dashboard.Supervision.Editing;

/// <summary>One refused field: which, a code the page translates (<c>edit.error.CODE</c>) and the reason in English.</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>Collects a form's refusals; the endpoints answer 400 with them when there is any.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string field, string code, string message) => _errors.Add(new FieldError(field, code, message));

    public void Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, "required", $"{field} is required");
        else
            Length(field, value, maxLength);
    }

    public void Length(string field, string? value, int maxLength = 200)
    {
        if (value is { Length: var n } && n > maxLength)
            Add(field, "too_long", $"{field} is longer than {maxLength} characters");
    }

    public void OneOf(string field, string? value, IReadOnlyList<string> vocabulary, bool optional = false)
    {
        if (value is null && optional)
            return;
        if (value is null || !vocabulary.Contains(value))
            Add(field, "vocabulary", $"{field} must be one of {string.Join(", ", vocabulary)}");
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
            Add(field, "range", $"{field} must be between {min} and {max}");
    }

    /// <summary>The unified social credit code, when one is given, with the check's own reason.</summary>
    public void CreditCode(string field, string? code)
    {
        if (string.IsNullOrEmpty(code))
            return;
        if (UnifiedSocialCreditCode.Check(code) is { } problem)
            Add(field, "uscc_" + problem.ToString().ToLowerInvariant(), UnifiedSocialCreditCode.Describe(problem));
    }

    public IResult ToResult() => Results.Json(new { title = "some fields are not valid", errors = _errors }, statusCode: StatusCodes.Status400BadRequest);
}
