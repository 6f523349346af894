using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;
using SmartPark.Platform.Storage;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>Saves and loads <see cref="EngineState"/> as one JSON file, always a whole state (<see cref="AtomicFile"/>).
/// Each rule's memory of a series is saved with its kind's name (<c>"$kind": "window"</c>), so the
/// state types come from <see cref="RuleKinds.All"/> and a new kind needs no entry here.</summary>
public sealed class EngineStateStore
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddKindStates } },
    };

    private readonly string _path;

    public EngineStateStore(string directory)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, "alert-engine.json");
    }

    public EngineState Load()
    {
        if (!File.Exists(_path))
            return new EngineState();
        using var file = File.OpenRead(_path);
        return JsonSerializer.Deserialize<EngineState>(file, Options) ?? new EngineState();
    }

    public void Save(EngineState state) =>
        AtomicFile.Write(_path, file => JsonSerializer.Serialize(file, state, Options));

    private static void AddKindStates(JsonTypeInfo type)
    {
        if (type.Type != typeof(RuleState))
            return;
        type.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$kind" };
        foreach (var kind in RuleKinds.All)
        {
            var state = kind switch
            {
                SeriesKind series => series.StateType,
                MeteredEnterpriseKind metered => metered.StateType,
                _ => null,
            };
            if (state is not null)
                type.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(state, kind.Name));
        }
    }
}
