using System.Net;

namespace SmartPark.Platform.Influx;

/// <summary>InfluxDB answered with an error. <see cref="IsPermanent"/> is true when retrying the
/// same request cannot help (HTTP 400: bad line protocol, field type conflict).</summary>
public sealed class InfluxException(string message, HttpStatusCode? status, string? body)
    : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;
    public string? Body { get; } = body;
    public bool IsPermanent => Status is HttpStatusCode.BadRequest;
}
