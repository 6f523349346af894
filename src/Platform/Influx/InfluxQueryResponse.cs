using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPark.Platform.Influx;

/// <summary>The JSON InfluxDB's <c>/query</c> returns: one result per statement, series inside.</summary>
public sealed record InfluxQueryResponse
{
    public IReadOnlyList<InfluxStatementResult> Results { get; init; } = [];
    public string? Error { get; init; }
}

public sealed record InfluxStatementResult
{
    [JsonPropertyName("statement_id")]
    public int StatementId { get; init; }

    public IReadOnlyList<InfluxSeries>? Series { get; init; }
    public string? Error { get; init; }
}

public sealed record InfluxSeries
{
    public string Name { get; init; } = "";
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public IReadOnlyList<string> Columns { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<JsonElement>> Values { get; init; } = [];

    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
                return i;
        }
        throw new KeyNotFoundException($"series '{Name}' has no column '{column}' (has {string.Join(", ", Columns)})");
    }

    /// <summary>The column's index, or -1: InfluxDB leaves out a field no point of the result has.</summary>
    public int ColumnIndexOrNone(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
                return i;
        }
        return -1;
    }
}
