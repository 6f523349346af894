using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPark.Platform.Storage;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>Saves and loads <see cref="EngineState"/> as one JSON file, always a whole state (<see cref="AtomicFile"/>).</summary>
public sealed class EngineStateStore
{
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
        return JsonSerializer.Deserialize(file, EngineStateJsonContext.Default.EngineState) ?? new EngineState();
    }

    public void Save(EngineState state) =>
        AtomicFile.Write(_path, file => JsonSerializer.Serialize(file, state, EngineStateJsonContext.Default.EngineState));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EngineState))]
internal sealed partial class EngineStateJsonContext : JsonSerializerContext;
