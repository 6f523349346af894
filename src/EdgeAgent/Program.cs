using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Commands;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Mqtt;

// The agent reads its sensors list from a JSON file: --config /etc/smartpark/agent.json
// (see agent.sample.json). /healthz and /metrics listen on Urls (default 127.0.0.1:8070).
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
var builder = WebApplication.CreateBuilder(args);
var configFile = builder.Configuration["config"];
if (configFile is not null)
    builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:8070");
builder.AddServiceDefaults();

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
app.MapServiceDefaults();
await app.RunAsync();
return 0;
