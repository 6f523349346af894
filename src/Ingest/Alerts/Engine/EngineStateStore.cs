using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>Saves and loads <see cref="EngineState"/> as one JSON file, written to a temporary
/// file, flushed to disk and renamed, so the file is always a whole state.</summary>
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

    public void Save(EngineState state)
    {
        var temp = _path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, state, EngineStateJsonContext.Default.EngineState);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, _path, overwrite: true);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EngineState))]
internal sealed partial class EngineStateJsonContext : JsonSerializerContext;
