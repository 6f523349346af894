using System.Globalization;

namespace SmartPark.OutboxWriter;

/// <summary>The readings JSON of batch <c>id</c>: the test recomputes it to check what survived.</summary>
public static class BatchContent
{
    public static string For(long id) => string.Create(CultureInfo.InvariantCulture,
        $"[{{\"sensor\":\"s{id % 20}\",\"quantity\":\"power\",\"value\":{id}.5,\"unit\":\"kW\",\"ts\":\"2026-11-25T08:00:00.000Z\",\"flag\":\"N\"}},{{\"pad\":\"{new string((char)('a' + (id % 26)), 200)}\"}},{{\"id\":{id}}}]");
}
