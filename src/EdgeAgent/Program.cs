using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Commands;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Mqtt;

// The agent reads its sensors list from a JSON file: --config /etc/smartpark/agent.json
// (see agent.sample.json). /healthz listens on Urls (default 127.0.0.1:8070).
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
builder.AddHealthAndLogging();
builder.Services.AddHealthListener(builder.Configuration["Urls"] ?? "http://127.0.0.1:8070");

builder.Services.AddOptions<AgentOptions>()
    .Bind(builder.Configuration.GetSection(AgentOptions.Section))
    .Validate(o => o.Validate().Count == 0, "invalid Agent section")
    .ValidateOnStart();
builder.Services.AddSingleton<AgentWorker>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentWorker>());
builder.Services.AddHealthChecks()
    .Add(new("broker", sp => new MqttConnectionHealthCheck(() => sp.GetRequiredService<AgentWorker>().Runtime?.Mqtt), null, null));

var problems = builder.Configuration.GetSection(AgentOptions.Section).Get<AgentOptions>()?.Validate() ?? ["the Agent section is missing (pass --config FILE)"];
if (problems.Count > 0)
{
    Console.Error.WriteLine("SmartPark edge agent: the configuration is not usable:");
    foreach (var problem in problems)
        Console.Error.WriteLine("  - " + problem);
    return 2;
}

var app = builder.Build();
await app.RunAsync();
return 0;
