using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Hosting;

namespace SmartPark.Platform.Influx;

/// <summary>
/// An InfluxDB reached through its v1 HTTP API (<c>/write</c>, <c>/query</c>), which 1.x serves
/// natively and 2.x/3.x through their compatibility endpoints. Basic auth for 1.x users, a token
/// (<c>Authorization: Token …</c>) for 2.x/3.x.
/// </summary>
public sealed record InfluxOptions
{
    [Required]
    public Uri Url { get; set; } = new("http://127.0.0.1:8086/");
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "smartpark";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? Token { get; set; }

    /// <summary>Create the database at start-up when missing (1.x; 3.x creates it on write).</summary>
    public bool CreateDatabase { get; set; } = true;

    [PositiveDuration]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Section <c>Influx</c> checked at start (<see cref="ValidatedOptions"/>).</summary>
[OptionsValidator]
public sealed partial class InfluxOptionsValidator : IValidateOptions<InfluxOptions>;
