namespace SmartPark.Contracts.Registry;

/// <summary>
/// Where an entry of the registry file sits: its own line and the line of each of its keys, so
/// a validation error can name the exact line an operator has to fix.
/// </summary>
public abstract record RegistryNode
{
    public int Line { get; init; }

    public IReadOnlyDictionary<string, int> FieldLines { get; init; } = new Dictionary<string, int>();

    /// <summary>The line of <paramref name="field"/>, or of the entry when the key is absent.</summary>
    public int LineOf(string field) => FieldLines.TryGetValue(field, out var line) ? line : Line;
}
