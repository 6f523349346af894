using Microsoft.Extensions.Options;
using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Commands;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Mqtt;

// The agent reads its sensors list from a JSON file: --config /etc/smartpark/agent.json
// (see agent.sample.json); settings also from SMARTPARK_-prefixed variables (SMARTPARK_Agent__Broker__Password),
// and, with a warning, from the old unprefixed Agent__… ones. /healthz, /healthz/live and /healthz/ready
// listen on Urls (default 127.0.0.1:8070, DefaultPorts.EdgeAgent).
// A generic host without Kestrel, published NativeAOT: the footprint budget on a Pi is 40 MB
// (docs/benchmarks.md, bench agent).
// Installer commands: edgeagent check-config FILE | edgeagent probe
switch (args.FirstOrDefault())
{
    case "check-config" when args.Length == 2:
        return CheckConfigCommand.Run(args[1], Console.Out);
    case "check-config":
        Console.Error.WriteLine("usage: edgeagent check-config FILE");
        return 2;
    case "probe":
        return ProbeCommand.Run(Console.Out);
}
var builder = Host.CreateApplicationBuilder(args);
var configFile = builder.Configuration["config"];
if (configFile is not null)
    builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
builder.AddSmartParkAgentHost();

// Bound here, at a concrete type, so the NativeAOT build uses the source-generated binder.
builder.Services.AddOptions<AgentOptions>()
    .Bind(builder.Configuration.GetSection(AgentOptions.Section))
    .ValidateOnStartWith<AgentOptions, AgentOptionsValidator>(AgentOptions.Section);
builder.Services.AddSingleton<AgentWorker>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentWorker>());
builder.Services.AddHealthChecks()
    .Add(new("broker", sp => new MqttConnectionHealthCheck(() => sp.GetRequiredService<AgentWorker>().Runtime?.Mqtt), null, null));

if (!builder.Configuration.GetSection(AgentOptions.Section).Exists())
    return NotUsable(["the Agent section is missing (pass --config FILE)"]);

var app = builder.Build();
try
{
    await app.RunAsync();
}
catch (OptionsValidationException invalid)
{
    return NotUsable(invalid.Failures);
}
return 0;

static int NotUsable(IEnumerable<string> problems)
{
    Console.Error.WriteLine("SmartPark edge agent: the configuration is not usable:");
    foreach (var problem in problems)
        Console.Error.WriteLine("  - " + problem);
    return 2;
}
