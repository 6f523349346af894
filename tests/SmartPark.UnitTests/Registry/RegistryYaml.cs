using SmartPark.Contracts.Registry;

namespace SmartPark.UnitTests.Registry;

/// <summary>A small valid registry for tests; each test breaks one line of it.</summary>
internal static class RegistryYaml
{
    /// <summary>Hashing is slow on purpose; one hash (of "pw") serves every account here.</summary>
    public static readonly string Hash = MosquittoPasswordHash.Create("pw", iterations: 10);

    // Line numbers matter: tests name them.
    public static string Valid => $"""
        parks:
          - id: p1
            name: Shimen
            district: Baiyun
            areaHectares: 18.6
            leadingIndustry: furniture
            enterprises:
              - id: e1
                name: Huaxin Furniture
                industry: furniture_painting
                floorArea: 12000
                status: upgraded
                plan: {"{"} x: 10, y: 10, width: 120, height: 80 {"}"}
                devices:
                  - id: d1
                    credential: {Hash}
                    sensors:
                      - {"{"} id: meter-1, quantities: [power, energy] {"}"}
                      - {"{"} id: voc-1, quantity: nmhc {"}"}
              - id: e2
                name: Hongyun Coating
                industry: coating
                floorArea: 6000
                status: shut_down
                devices:
                  - id: d2
                    credential: {Hash}
                    sensors:
                      - {"{"} id: meter-1, quantity: power {"}"}
        services:
          - id: ingest
            role: ingest
            credential: {Hash}
          - id: dashboard
            role: dashboard
            credential: {Hash}

        """;

    /// <summary><see cref="Valid"/> with one line (1-based) replaced.</summary>
    public static string WithLine(int line, string text)
    {
        var lines = Valid.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }
}
